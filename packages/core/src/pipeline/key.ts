// Stage `key` — contract: runs once per logical call, after validation and before the retry loop. An operation
// with a key field gets its idempotency key here (the caller's `idempotencyKey` option, the input's own field,
// or a generated UUID), so every attempt carries the same value. Sets `ctx.input` (what is sent and what an
// OutcomeUnknownError shows for reconciliation) and `ctx.idempotencyKey`. The rule is plugins/idempotency.ts.
// With an `intentId`, the intent is claimed first (store/intents.ts, through pipeline/intent.ts) and its key, fixed
// by the intent's first call, is the key.
import { type CallContext, callState } from '../context.js';
import { chooseIdempotencyKey } from '../plugins/idempotency.js';
import type { IntentHandle } from '../store/intents.js';

export function key(input: Record<string, unknown>, ctx: CallContext, intent?: IntentHandle): void {
  const state = callState(ctx);
  const rule = ctx.operation.idempotency;
  state.intent = intent;
  // An intent's key was fixed by its first call: every resend of that purchase carries it.
  const chosen = chooseIdempotencyKey(input, rule, intent?.idempotencyKey ?? ctx.options.idempotencyKey);
  if (chosen === undefined) {
    state.input = input;
    return;
  }
  state.idempotencyKey = String(chosen);
  state.input = { ...input, [rule.field!]: chosen };
}
