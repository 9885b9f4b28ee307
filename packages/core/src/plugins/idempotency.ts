// Step 4: an operation with a key field gets its key once per logical call (before the retry loop), so every
// attempt carries the same value and the server can refuse a repeat. An unsafe operation may name one too
// (2sms `PurchaseID`, whose deduplication is unverified): it is never retried after an ambiguous failure, but
// the key it went out with is in the `OutcomeUnknownError`'s reconcile input, for a deliberate resend.
import type { CallPlugin } from '../plugin.js';

export function idempotencyPlugin(): CallPlugin {
  return {
    name: 'idempotency',
    phase: 'call',
    after: ['validation'],
    before: ['retry'],
    // Stryker disable next-line ArrayDeclaration,StringLiteral: plugin tags are descriptive metadata that no code reads (only `name`, `phase`, `before`/`after` place a plugin)
    tags: ['idempotency'],
    middleware: async (input, next, ctx) => {
      const rule = ctx.operation.idempotency;
      if (rule.kind === 'safe' || !rule.field) return next(input);
      const key = ctx.options.idempotencyKey ?? (input[rule.field] as string | undefined) ?? (rule.generate === 'uuid' ? crypto.randomUUID() : undefined);
      if (key === undefined) return next(input);
      const keyed = { ...input, [rule.field]: key };
      ctx.state.set('idempotencyKey', String(key));
      // What reconciliation shows is what was sent, the generated key included.
      ctx.state.set('input', keyed);
      return next(keyed);
    },
  };
}
