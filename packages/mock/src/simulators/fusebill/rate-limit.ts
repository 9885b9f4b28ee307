// Fusebill's per-key limits (developer.staxbill.com/reference/rate-limits): a per-minute and a per-day
// budget, both reported in `X-Rate-Limit-*` headers on every response to a known key. The docs call the
// reset values "timestamp" without a format; ISO 8601 UTC is assumed here.
import { FixedWindows } from '../fixed-window.js';

export interface FusebillRateLimits {
  /** Requests per minute window and key. Default 50 (a sandbox account). */
  perMinute: number;
  /** Length of the "minute" window, so tests can make it short. Default 60 000. */
  minuteMs: number;
  /** Requests per day and key. Default 5000 (a sandbox account). */
  perDay: number;
}

export const SANDBOX_LIMITS: FusebillRateLimits = { perMinute: 50, minuteMs: 60_000, perDay: 5000 };
const DAY_MS = 86_400_000;

export interface RateDecision {
  headers: Record<string, string>;
  /** Set when the request is over a limit: which one, as the 429 body names it. */
  exceeded?: string;
}

export function createRateLimiter(limits: () => FusebillRateLimits, now: () => number) {
  const minutes = new FixedWindows();
  const days = new FixedWindows();
  return {
    /** Counts the request against both budgets unless one is spent (a refused request is not counted). */
    take(key: string): RateDecision {
      const { perMinute, minuteMs, perDay } = limits();
      const at = now();
      const minute = minutes.current(key, minuteMs, at);
      const day = days.current(key, DAY_MS, at);
      const exceeded = minute.used >= perMinute ? `${perMinute} requests per minute` : day.used >= perDay ? `${perDay} requests per day` : undefined;
      if (!exceeded) {
        minute.used++;
        day.used++;
      }
      const headers = {
        'X-Rate-Limit-Limit-Minute': String(perMinute),
        'X-Rate-Limit-Remaining-Minute': String(Math.max(0, perMinute - minute.used)),
        'X-Rate-Limit-Reset-Minute': new Date(minute.end).toISOString(),
        'X-Rate-Limit-Limit-Day': String(perDay),
        'X-Rate-Limit-Remaining-Day': String(Math.max(0, perDay - day.used)),
        'X-Rate-Limit-Reset-Day': new Date(day.end).toISOString(),
      };
      return exceeded ? { headers, exceeded } : { headers };
    },
    clear(): void {
      minutes.clear();
      days.clear();
    },
  };
}
