// Short-lived secrets (a request's signature, a nonce): which values are taken, and exactly how long each is
// scrubbed. Fake timers move the clock; the assertions are on what a log line would print.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REDACTED, Secrets } from './redact.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Secrets.addTemporary: which values are taken', () => {
  it('ignores a missing value and values under 4 characters (they would blank ordinary words), takes 4 on', () => {
    const s = new Secrets();
    s.addTemporary(undefined, 1000);
    s.addTemporary('', 1000);
    s.addTemporary('abc', 1000);
    s.addTemporary('n0ce', 1000);
    expect(s.scrub('abc n0ce 200')).toBe(`abc ${REDACTED} 200`);
  });

  it('scrubs a short hex value in any case, and a long value that is not hex, not only long hex signatures', () => {
    const s = new Secrets();
    s.addTemporary('deadbeef', 1000);
    s.addTemporary('nonce-0123456789abcdef', 1000);
    expect(s.scrub('a deadbeef b DEADBEEF c nonce-0123456789abcdef d')).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED} d`);
  });
});

describe('Secrets.addTemporary: how long a value is scrubbed', () => {
  it('scrubs a value until ttl milliseconds have passed, and not from then on', () => {
    const s = new Secrets();
    s.addTemporary('req-nonce-1', 1000);
    vi.advanceTimersByTime(999);
    expect(s.scrub('n=req-nonce-1')).toBe(`n=${REDACTED}`);
    vi.advanceTimersByTime(1);
    expect(s.scrub('n=req-nonce-1')).toBe('n=req-nonce-1');
  });

  it('adding a value again with a shorter ttl does not cut the time it is already scrubbed for', () => {
    const s = new Secrets();
    s.addTemporary('req-nonce-1', 1000);
    s.addTemporary('req-nonce-1', 10);
    vi.advanceTimersByTime(500);
    expect(s.scrub('req-nonce-1')).toBe(REDACTED);
    vi.advanceTimersByTime(500);
    expect(s.scrub('req-nonce-1')).toBe('req-nonce-1');
  });

  it('values added for different times each expire on their own', () => {
    const s = new Secrets();
    s.addTemporary('first-nonce', 1000);
    s.addTemporary('second-nonce', 3000);
    const text = 'first-nonce second-nonce';
    expect(s.scrub(text)).toBe(`${REDACTED} ${REDACTED}`);
    vi.advanceTimersByTime(1000);
    expect(s.scrub(text)).toBe(`first-nonce ${REDACTED}`);
    vi.advanceTimersByTime(2000);
    expect(s.scrub(text)).toBe(text);
  });
});
