// The key rule: an operation with a key field gets its key once per logical call (pipeline/key.ts applies it
// before the retry loop), so every attempt carries the same value and the server can refuse a repeat. An unsafe
// operation may name one too (2sms `PurchaseID`, whose deduplication is unverified): it is never retried after an
// ambiguous failure, but the key it went out with is in the `OutcomeUnknownError`'s reconcile input, for a
// deliberate resend.
import type { Idempotency } from '../spec-types.js';

/** The key this call sends, or undefined when the operation has none. */
export function chooseIdempotencyKey(input: Record<string, unknown>, rule: Idempotency, given: string | undefined): unknown {
  if (rule.kind === 'safe' || !rule.field) return undefined;
  return given ?? (input[rule.field] as string | undefined) ?? (rule.generate === 'uuid' ? crypto.randomUUID() : undefined);
}
