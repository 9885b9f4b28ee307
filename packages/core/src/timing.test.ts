import { describe, expect, it } from 'vitest';
import { fullJitter, retryHintMs, untilAborted } from './timing.js';

const now = Date.parse('2026-11-23T10:00:00Z');
const hint = (headers: Record<string, string>, extra = []) => retryHintMs(new Headers(headers), extra, now);

describe('server retry hints', () => {
  it('reads retry-after-ms, Retry-After in seconds and as an HTTP date', () => {
    expect(hint({ 'retry-after-ms': '250' })).toBe(250);
    expect(hint({ 'retry-after': '3' })).toBe(3000);
    expect(hint({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' })).toBe(5000);
    expect(hint({ 'retry-after': 'soon' })).toBeUndefined();
    expect(hint({})).toBeUndefined();
  });

  it("reads a provider's own headers in the format its spec declares", () => {
    expect(retryHintMs(new Headers({ 'x-ratelimit-reset': '7' }), [{ header: 'x-ratelimit-reset', format: 'delta-seconds' }], now)).toBe(7000);
    const epochSeconds = String(now / 1000 + 30);
    expect(retryHintMs(new Headers({ 'x-rate-limit-reset-minute': epochSeconds }), [{ header: 'X-Rate-Limit-Reset-Minute', format: 'auto' }], now)).toBe(30_000);
    expect(retryHintMs(new Headers({ 'x-rate-limit-reset-minute': '2026-11-23T10:00:20Z' }), [{ header: 'x-rate-limit-reset-minute', format: 'auto' }], now)).toBe(20_000);
  });

  it('never returns a negative wait for an instant in the past', () => {
    expect(hint({ 'retry-after': 'Mon, 23 Nov 2026 09:00:00 GMT' })).toBe(0);
  });
});

describe('full jitter', () => {
  it('draws from [0, min(cap, base * 2^retry))', () => {
    expect(fullJitter(0, 100, 1000, () => 0.999)).toBe(99);
    expect(fullJitter(3, 100, 1000, () => 0.5)).toBe(400);
    expect(fullJitter(10, 100, 1000, () => 0.5)).toBe(500);
    expect(fullJitter(5, 100, 1000, () => 0)).toBe(0);
  });
});

describe('untilAborted with a signal that had already fired', () => {
  it('rejects at once and still handles the promise it gave up on (no unhandled rejection)', async () => {
    const unhandled: unknown[] = [];
    const trap = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', trap);
    try {
      const controller = new AbortController();
      controller.abort('attempt timed out');
      let fail!: (e: Error) => void;
      const late = new Promise<never>((_, reject) => {
        fail = reject;
      });
      await expect(untilAborted(late, controller.signal)).rejects.toBe('attempt timed out');
      fail(new Error('the store write failed afterwards'));
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', trap);
    }
  });
});
