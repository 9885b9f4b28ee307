// Fusebill reports its per-key budgets in `X-Rate-Limit-*` headers on every response (FACTS §2.7). A thrown
// error carries them in `error.headers`; successful calls expose them through the `onRateLimit` option.
import type { AttemptContext, WireResponse } from '@creditkit/core';
import type { QuotaReading } from '@creditkit/core/internal';

/** One budget window of a Fusebill API key, from its `X-Rate-Limit-*` headers. */
export interface FusebillRateLimitWindow {
  limit?: number;
  remaining?: number;
  /** When the window resets, as Fusebill sent it (documented only as "timestamp"). */
  reset?: string;
}

/**
 * The per-key budgets Fusebill reports on every response, by window; `onRateLimit` gets them for successful calls,
 * `error.headers` carries them for failures.
 */
export interface FusebillRateLimit {
  minute: FusebillRateLimitWindow;
  day: FusebillRateLimitWindow;
}

/** The rate-limit headers of a response (`Headers`) or of an error (`error.headers`); undefined when absent. */
export function readRateLimit(headers: Headers | Readonly<Record<string, string>>): FusebillRateLimit | undefined {
  const get = headerReader(headers);
  const window = (span: 'minute' | 'day'): FusebillRateLimitWindow => {
    const out: FusebillRateLimitWindow = {};
    const limit = get(`x-rate-limit-limit-${span}`);
    const remaining = get(`x-rate-limit-remaining-${span}`);
    const reset = get(`x-rate-limit-reset-${span}`);
    if (limit !== null && limit.trim() !== '' && Number.isFinite(Number(limit))) out.limit = Number(limit);
    if (remaining !== null && remaining.trim() !== '' && Number.isFinite(Number(remaining))) out.remaining = Number(remaining);
    if (reset !== null) out.reset = reset;
    return out;
  };
  const minute = window('minute');
  const day = window('day');
  return Object.keys(minute).length || Object.keys(day).length ? { minute, day } : undefined;
}

/** A lookup by lower-case name, in a Headers or a record of any case (never `instanceof Headers`: it loads fetch). */
function headerReader(headers: Headers | Readonly<Record<string, string>>): (name: string) => string | null {
  if (typeof (headers as Headers).get === 'function') return (name) => (headers as Headers).get(name);
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => lower.get(name) ?? null;
}

/** An observer of every Fusebill answer: hands its rate-limit headers to `onRateLimit`. */
export function rateLimitObserver(onRateLimit: (limits: FusebillRateLimit) => void): (response: WireResponse, ctx: AttemptContext) => void {
  return (response, ctx) => {
    const limits = readRateLimit(response.headers);
    try {
      if (limits) onRateLimit(limits);
    } catch (error) {
      // An observer that throws must not turn an applied purchase into a failed call.
      ctx.log('warn', 'rate-limit.callback-failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
}

const SPAN_MS = { minute: 60_000, day: 86_400_000 } as const;

/** The reset "timestamp" (its format is undocumented): an ISO date, or epoch seconds or milliseconds. */
function instant(reset: string | undefined): number | undefined {
  if (reset === undefined || reset.trim() === '') return undefined;
  const n = Number(reset);
  const ms = Number.isFinite(n) ? (n < 1e11 ? n * 1000 : n) : Date.parse(reset);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The budgets as proactive quotas read them: each window Fusebill announced, its size and what is left. */
export function quotaReading(limits: FusebillRateLimit | undefined): QuotaReading | undefined {
  if (!limits) return undefined;
  const out: Record<string, { limit: number; remaining?: number; durationMs: number }> = {};
  for (const span of ['minute', 'day'] as const) {
    const { limit, remaining, reset } = limits[span];
    const resetsAt = instant(reset);
    if (limit !== undefined && limit > 0) {
      out[span] = { limit, durationMs: SPAN_MS[span], ...(remaining !== undefined ? { remaining } : {}), ...(resetsAt !== undefined ? { resetsAt } : {}) };
    }
  }
  return Object.keys(out).length ? out : undefined;
}
