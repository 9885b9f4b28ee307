// What the soak drives: the reliability cases, plus a 2sms client that asserts `purchaseIdDeduplicated`. The
// 2sms simulator alternates by round between deduplicating a repeated PurchaseID and buying again (what 2sms
// does is unknown); the asserting client runs only in rounds where its assertion holds.
import type { RepeatedPurchaseId } from '@creditkit/mock';
import { CASES, type ProviderCase } from '../reliability/providers.js';

const twoSms = CASES.find((c) => c.label === 'accountadmin (json)')!;

/** 2sms with `purchaseIdDeduplicated: true`: idempotent by PurchaseID, so retried after an ambiguous failure. */
export const ASSERTING_2SMS: ProviderCase = {
  ...twoSms,
  label: 'accountadmin (json, purchaseIdDeduplicated)',
  options: { ...twoSms.options, purchaseIdDeduplicated: true },
  spec: { ...twoSms.spec, idempotency: { ...twoSms.spec.idempotency, kind: 'key' } },
};

export const SOAK_CASES: readonly ProviderCase[] = [...CASES, ASSERTING_2SMS];

/** The 2sms simulator's answer to a repeated PurchaseID in `round`: odd rounds deduplicate, even ones buy again. */
export const repeatedPurchaseIdIn = (round: number): RepeatedPurchaseId => (round % 2 === 1 ? 'deduplicate' : 'buy-again');

/** The cases of a round; `assertEverywhere` (a calibration defect) runs the asserting client where it is false. */
export function casesIn(mode: RepeatedPurchaseId, assertEverywhere = false): readonly ProviderCase[] {
  return mode === 'deduplicate' || assertEverywhere ? SOAK_CASES : SOAK_CASES.filter((c) => c !== ASSERTING_2SMS);
}
