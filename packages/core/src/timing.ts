// Waiting: abortable sleeps, full-jitter backoff, and the server's own hints about when to come back.
import { type HeaderSource, headerOf } from './header-map.js';
import type { RetryHintSpec } from './spec-types.js';

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `promise`, or the signal's reason as soon as it aborts. For waits on work shared by several calls (a token
 * fetch, a clock read): each caller stops waiting on its own signal while the work goes on for the others.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // Always handled, also when the signal had already fired: a promise left behind must not reject unhandled.
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The longest delay a timer holds: past it Node fires at once (TimeoutOverflowWarning) and AbortSignal.timeout throws. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timer delay from any number of ms: whole, at least 0 and at most MAX_TIMER_MS. */
export const timerDelay = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms)));

/** Aborts after `ms`; none for an infinite (or NaN) time, where AbortSignal.timeout would throw a RangeError. */
export const timeoutSignal = (ms: number): AbortSignal | undefined => (Number.isFinite(ms) ? AbortSignal.timeout(timerDelay(ms)) : undefined);

/** "Full jitter" (AWS): a uniform wait in [0, min(cap, base * 2^retry)). */
export function fullJitter(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** retry));
}

/**
 * How long the server asked us to wait, in ms, or undefined. Reads `retry-after-ms`, `Retry-After`
 * (seconds or an HTTP date) and the provider's own headers from its spec.
 */
export function retryHintMs(headers: HeaderSource, extra: readonly RetryHintSpec[] = [], now = Date.now()): number | undefined {
  const ms = headerOf(headers, 'retry-after-ms');
  if (ms !== null && isFiniteNumber(ms)) return Math.max(0, Number(ms));
  const retryAfter = headerOf(headers, 'retry-after');
  if (retryAfter !== null) {
    const parsed = parseHint(retryAfter, 'auto', now);
    if (parsed !== undefined) return parsed;
  }
  for (const hint of extra) {
    const value = headerOf(headers, hint.header);
    if (value === null) continue;
    const parsed = parseHint(value, hint.format, now);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

function parseHint(value: string, format: RetryHintSpec['format'], now: number): number | undefined {
  const trimmed = value.trim();
  if (isFiniteNumber(trimmed)) {
    const n = Number(trimmed);
    switch (format) {
      case 'delta-seconds':
        return Math.max(0, n * 1000);
      case 'epoch-seconds':
        return Math.max(0, n * 1000 - now);
      case 'epoch-ms':
        return Math.max(0, n - now);
      case 'http-date':
        return undefined;
      default:
        // auto: a small number is a delay in seconds; a large one an instant.
        if (n < 1e9) return Math.max(0, n * 1000);
        return Math.max(0, (n < 1e12 ? n * 1000 : n) - now);
    }
  }
  if (format === 'delta-seconds' || format === 'epoch-seconds' || format === 'epoch-ms') return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const isFiniteNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
