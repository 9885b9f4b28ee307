// Step 4: an operation idempotent by key gets its key once per logical call (before the retry loop),
// so every attempt carries the same value and the server can refuse a repeat.
import type { CallPlugin } from '../plugin.js';

export function idempotencyPlugin(): CallPlugin {
  return {
    name: 'idempotency',
    phase: 'call',
    after: ['validation'],
    before: ['retry'],
    tags: ['idempotency'],
    middleware: async (input, next, ctx) => {
      const rule = ctx.operation.idempotency;
      if (rule.kind !== 'key' || !rule.field) return next(input);
      const key = ctx.options.idempotencyKey ?? (input[rule.field] as string | undefined) ?? (rule.generate === 'uuid' ? crypto.randomUUID() : undefined);
      if (key === undefined) return next(input);
      ctx.state.set('idempotencyKey', String(key));
      return next({ ...input, [rule.field]: key });
    },
  };
}
