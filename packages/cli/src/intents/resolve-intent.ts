// `creditkit intents resolve <id> --applied|--failed`: a person checked the provider's account and records the
// outcome, with a compare-and-set from the state they saw, so a worker that moved the intent meanwhile wins.
//
// What the next call with the same intent id then does (core's replay rules, store/intents.ts):
//   --applied: nothing is sent; it returns the stored result when there is one, else throws AlreadyAppliedError.
//   --failed:  the purchase was not applied: the intent is free again, and the next call sends it (same key).
import { type IntentValue, intentKey, type StateStore, type StoredError, type StoredRecord } from '@creditkit/core';
import { CommandError } from '../command-error.js';
import { UsageError } from '../usage-error.js';
import type { FoundIntent } from './read-intents.js';

export type Outcome = 'applied' | 'failed';

/** States a live worker may still be moving: resolving them takes `--force`. */
const IN_FLIGHT = new Set(['claimed', 'sent']);

export function resolvedRecord(intent: FoundIntent, outcome: Outcome, note: string | undefined, now: number): StoredRecord {
  const resolution = { by: 'manual' as const, at: now, note: note ?? null };
  const base = { ...intent.value, intentId: intent.id, updatedAt: now, resolution };
  if (outcome === 'failed') {
    // Not applied, as the person found: a resend cannot buy twice, so it is not refused for good.
    return { state: 'failed', value: stored({ ...base, mayBeApplied: false, definitive: false }) };
  }
  // Applied without a stored result: the next call says so (AlreadyAppliedError) rather than return nothing.
  const keepResult = intent.value.result !== undefined && !intent.value.error;
  const error: StoredError = {
    name: 'AlreadyAppliedError',
    message: `Intent ${intent.id} was recorded as applied by hand (creditkit intents resolve)${note ? `: ${note}` : ''}; nothing was sent. Do not buy it again under another id.`,
    fields: { idempotencyKey: intent.value.idempotencyKey ?? null, provider: intent.value.provider ?? null, operation: intent.value.operation ?? null },
  };
  return { state: 'applied', value: stored({ ...base, mayBeApplied: true, ...(keepResult ? {} : { error }) }) };
}

export async function resolveIntent(store: StateStore, intent: FoundIntent, outcome: Outcome, options: { note?: string; force: boolean }): Promise<StoredRecord> {
  if (IN_FLIGHT.has(intent.state) && !options.force) {
    throw new UsageError(
      `intent ${intent.id} is ${intent.state}: a worker may be ${intent.state === 'sent' ? 'waiting for its answer' : 'about to send it'} right now, and would record its own outcome`,
      `wait for it to end (its lease runs out within intentLeaseMs, 30 s by default), then look again; pass --force only if you know no worker holds it`,
    );
  }
  const record = resolvedRecord(intent, outcome, options.note, Date.now());
  if (!(await store.compareAndSet(intent.scope, intentKey(intent.id), intent.state, record))) {
    throw new CommandError(`intent ${intent.id} changed while it was being resolved (it is no longer ${intent.state}); nothing was recorded`, {
      status: 'network',
      hint: `look at it again (creditkit intents show ${intent.id}) and resolve it again if it still needs it`,
    });
  }
  return record;
}

/** JSON as every store keeps it (drops undefined). */
const stored = (value: Partial<IntentValue> & Record<string, unknown>): StoredRecord['value'] => JSON.parse(JSON.stringify(value));
