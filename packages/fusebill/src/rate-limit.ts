// Fusebill reports its per-key budgets in `X-Rate-Limit-*` headers on every response (FACTS §2.7). A thrown
// error carries them in `error.headers`; successful calls expose them through the `onRateLimit` option.
import type { AttemptPlugin } from '@creditkit/core';

export interface FusebillRateLimitWindow {
  limit?: number;
  remaining?: number;
  /** When the window resets, as Fusebill sent it (documented only as "timestamp"). */
  reset?: string;
}

export interface FusebillRateLimit {
  minute: FusebillRateLimitWindow;
  day: FusebillRateLimitWindow;
}

/** The rate-limit headers of a response (`Headers`) or of an error (`error.headers`); undefined when absent. */
export function readRateLimit(headers: Headers | Readonly<Record<string, string>>): FusebillRateLimit | undefined {
  const h = headers instanceof Headers ? headers : new Headers(headers);
  const window = (span: 'minute' | 'day'): FusebillRateLimitWindow => {
    const out: FusebillRateLimitWindow = {};
    const limit = h.get(`x-rate-limit-limit-${span}`);
    const remaining = h.get(`x-rate-limit-remaining-${span}`);
    const reset = h.get(`x-rate-limit-reset-${span}`);
    if (limit !== null && limit.trim() !== '' && Number.isFinite(Number(limit))) out.limit = Number(limit);
    if (remaining !== null && remaining.trim() !== '' && Number.isFinite(Number(remaining))) out.remaining = Number(remaining);
    if (reset !== null) out.reset = reset;
    return out;
  };
  const minute = window('minute');
  const day = window('day');
  return Object.keys(minute).length || Object.keys(day).length ? { minute, day } : undefined;
}

/** Hands every response's rate-limit headers to `onRateLimit`. */
export function rateLimitPlugin(onRateLimit: (limits: FusebillRateLimit) => void): AttemptPlugin {
  return {
    name: 'fusebill:rate-limit',
    phase: 'attempt',
    after: ['logger'],
    tags: ['rate-limit'],
    middleware: async (request, next, ctx) => {
      const response = await next(request);
      const limits = readRateLimit(response.headers);
      try {
        if (limits) onRateLimit(limits);
      } catch (error) {
        // An observer that throws must not turn an applied purchase into a failed call.
        ctx.log('warn', 'rate-limit.callback-failed', { error: error instanceof Error ? error.message : String(error) });
      }
      return response;
    },
  };
}
