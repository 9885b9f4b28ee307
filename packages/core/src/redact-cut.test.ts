// Where scrub and clip cut a text: clip gives exactly the first `max` characters (scrubbed) and `…`, and a
// secret that only starts at or after the cut leaves no trace, not even a marker; scrub never cuts.
import { describe, expect, it } from 'vitest';
import { REDACTED, Secrets } from './redact.js';

const SECRET = 'SECRET-1234';
const secretsOf = (...values: string[]) => {
  const s = new Secrets();
  for (const v of values) s.add(v);
  return s;
};

describe('Secrets.clip: the cut position', () => {
  it('keeps a text exactly `max` long whole, with no cut mark', () => {
    expect(new Secrets().clip('abcd', 4)).toBe('abcd');
    expect(secretsOf(SECRET).clip(SECRET, SECRET.length)).toBe(REDACTED);
  });

  it('a secret starting at the cut or after it is cut off, not replaced by a marker past the cut', () => {
    const s = secretsOf(SECRET);
    expect(s.clip(`01234${SECRET} tail`, 5)).toBe('01234…');
    expect(s.clip(`0123456789 ${SECRET}`, 5)).toBe('01234…');
  });

  it('a short-lived hex value well past the cut, in the same run of hex digits, is not pulled into the clip', () => {
    const s = new Secrets();
    const signature = '4ed86580ab439b56251ed712e2554586b125f0ef';
    s.addTemporary(signature, 60_000);
    expect(s.clip(`sig=${'0'.repeat(20)}${signature}`, 10)).toBe('sig=000000…');
    // The same run starting right at the cut: found by the hex scan, still not shown.
    expect(s.clip(`sig=000000${signature} rest`, 10)).toBe('sig=000000…');
  });

  it('the tail of a secret cut by someone else (after a …), past this cut, leaves no marker after the shown text', () => {
    const s = secretsOf('SECRETTAIL-123456');
    expect(s.clip('0123456789ab…TAIL-123456 rest', 10)).toBe('0123456789…');
  });
});

describe('Secrets.scrub never cuts', () => {
  it('keeps a text that ends in half a surrogate pair (cut by someone else) exactly as it was', () => {
    expect(new Secrets().scrub('half an emoji \uD83D')).toBe('half an emoji \uD83D');
    expect(secretsOf(SECRET).scrub(`${SECRET} \uD83D`)).toBe(`${REDACTED} \uD83D`);
  });
});
