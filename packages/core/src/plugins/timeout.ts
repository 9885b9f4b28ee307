// Per attempt: one AbortSignal made of the caller's signal, the attempt timeout and the call deadline.
// The transport reads the whole body under it, so a slow body is cut off too. Timeouts and the caller's
// own abort end as different errors.
import { AbortedError, TimeoutError } from '../errors.js';
import type { AttemptPlugin } from '../plugin.js';
import { timerDelay } from '../timing.js';

const TIMEOUT = Symbol('creditkit.timeout');

export function timeoutPlugin(): AttemptPlugin {
  return {
    name: 'timeout',
    phase: 'attempt',
    tags: ['timeout'],
    middleware: async (request, next, ctx) => {
      const controller = new AbortController();
      const remaining = ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
      const scope: 'attempt' | 'total' = remaining < ctx.options.timeoutMs ? 'total' : 'attempt';
      const limit = Math.max(0, Math.min(remaining, ctx.options.timeoutMs));
      const timer = Number.isFinite(limit) ? setTimeout(() => controller.abort(TIMEOUT), timerDelay(limit)) : undefined;
      ctx.signal = ctx.options.signal ? AbortSignal.any([ctx.options.signal, controller.signal]) : controller.signal;
      try {
        return await next(request);
      } catch (error) {
        const context = { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets };
        if (ctx.options.signal?.aborted) throw new AbortedError('Call aborted by the caller', { ...context, cause: ctx.options.signal.reason });
        if (controller.signal.aborted) {
          throw new TimeoutError({ ...context, scope, timeoutMs: scope === 'total' ? (ctx.options.totalTimeoutMs ?? limit) : ctx.options.timeoutMs });
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
