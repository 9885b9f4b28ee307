// Stage `key` — contract: runs once per logical call, after validation and before the retry loop. An operation
// with a key field gets its idempotency key here (the caller's `idempotencyKey` option, the input's own field,
// or a generated UUID), so every attempt carries the same value. Sets `ctx.input` (what is sent and what an
// OutcomeUnknownError shows for reconciliation) and `ctx.idempotencyKey`. The rule is plugins/idempotency.ts.
import { type CallContext, callState } from '../context.js';
import { chooseIdempotencyKey } from '../plugins/idempotency.js';

export function key(input: Record<string, unknown>, ctx: CallContext): void {
  const state = callState(ctx);
  const rule = ctx.operation.idempotency;
  const chosen = chooseIdempotencyKey(input, rule, ctx.options.idempotencyKey);
  if (chosen === undefined) {
    state.input = input;
    return;
  }
  state.idempotencyKey = String(chosen);
  state.input = { ...input, [rule.field!]: chosen };
}
