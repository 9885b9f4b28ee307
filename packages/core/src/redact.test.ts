// Unit tests of Secrets: each registered form, every copy, longest first, header names in any case, credentials
// in URLs, scrub-then-cut, short-lived values. Each case names the bug it would catch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSecretName, REDACTED, Secrets } from './redact.js';

const KEY = 'k3y-Ab9 "q\\ +%/=!\'()*~é€😀-end';
const CLIENT = 'k3y-Ab9';
const secretsOf = (...values: string[]) => {
  const s = new Secrets();
  for (const v of values) s.add(v);
  return s;
};
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');
/** RFC 3986 strict: encodeURIComponent leaves `!'()*` as they are. */
const strict = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const asciiJson = (s: string) => JSON.stringify(s).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const xmlEscaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const numericRefs = (s: string) => [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `&#x${c.codePointAt(0)!.toString(16)};`)).join('');

/** Every form a server may echo the key in. */
const FORMS: [string, (s: string) => string][] = [
  ['raw', (s) => s],
  ['encodeURIComponent (%20)', encodeURIComponent],
  ['form-encoded (URLSearchParams, +)', (s) => new URLSearchParams({ s }).toString().slice(2)],
  ['RFC 3986 strict (!\'()* encoded)', strict],
  ['lowercase percent hex', (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
  ['%20 and + mixed', (s) => encodeURIComponent(s).replace('%20', '+')],
  ['percent-encoded twice (%2520)', (s) => encodeURIComponent(encodeURIComponent(s))],
  ['JSON-escaped', (s) => JSON.stringify(s).slice(1, -1)],
  ['JSON ASCII-escaped (\\uXXXX)', asciiJson],
  ['JSON with \\/', (s) => JSON.stringify(s).slice(1, -1).replaceAll('/', '\\/')],
  ['XML-escaped', xmlEscaped],
  ['XML numeric references', numericRefs],
  ['base64', b64],
  ['base64 unpadded', (s) => b64(s).replace(/=+$/, '')],
  ['base64url', b64url],
  ['`+` read back as a space', (s) => s.replaceAll('+', ' ')],
];

describe('Secrets.scrub', () => {
  it.each(FORMS)('removes the key written %s, with nothing of it left around the marker', (_form, write) => {
    const text = `before ${write(KEY)} after`;
    expect(text).not.toBe(`before ${REDACTED} after`);
    expect(secretsOf(KEY).scrub(text)).toBe(`before ${REDACTED} after`);
  });

  it('removes every copy of a secret in one string, not only the first', () => {
    const s = secretsOf(KEY);
    expect(s.scrub(`${KEY}|${KEY}|${encodeURIComponent(KEY)}|${KEY}`)).toBe([REDACTED, REDACTED, REDACTED, REDACTED].join('|'));
    expect(s.scrub(`${KEY}${KEY}`)).toBe(REDACTED);
  });

  it('replaces the longest secret first: a client id that is a prefix of the secret leaves no tail', () => {
    // Registered shortest first, as credentials are (client id, then secret).
    const s = secretsOf(CLIENT, KEY);
    expect(s.scrub(`id ${CLIENT} key ${KEY}.`)).toBe(`id ${REDACTED} key ${REDACTED}.`);
    expect(s.scrub(encodeURIComponent(KEY))).toBe(REDACTED);
  });

  it('redacts overlapping secrets as one span, leaving neither head nor tail', () => {
    const s = secretsOf('abcSECRET', 'SECRET123');
    expect(s.scrub('<abcSECRET123>')).toBe(`<${REDACTED}>`);
  });

  it('each part of a Basic pair, and the pair in base64, whatever byte offset the password sits at', () => {
    const user = 'C0098765';
    const password = 'dnaKEY-6b0f "2c94é';
    const s = secretsOf(user, password);
    for (const prefix of ['', 'u', 'us', user]) {
      const token = b64(`${prefix}:${password}`);
      const scrubbed = s.scrub(`Basic ${token}`);
      // What survives outside the markers is at most the bits of the prefix, the separator and 3 boundary characters.
      const left = scrubbed.slice('Basic '.length).replaceAll(REDACTED, '');
      expect(scrubbed, prefix).toContain(REDACTED);
      expect(left.length, `${prefix}: ${scrubbed}`).toBeLessThanOrEqual(Math.ceil(((prefix.length + 1) * 4) / 3) + 3);
    }
    expect(s.scrub(`user ${user}`)).toBe(`user ${REDACTED}`);
  });

  it('ignores values too short to be credentials (they would blank ordinary words), registers from 4 characters', () => {
    const s = secretsOf('', undefined as never, 'abc', '2024');
    expect(s.scrub('abc 2024')).toBe(`abc ${REDACTED}`);
    expect(new Secrets().scrub('abc')).toBe('abc');
  });

  it('leaves text without secrets exactly as it was', () => {
    const text = 'status 200, 5 credits, "quoted" \\ back %41 + plus é';
    expect(secretsOf(KEY, CLIENT).scrub(text)).toBe(text);
  });
});

describe('Secrets.clip: scrub first, then cut', () => {
  it('never leaves the head of a secret the cut falls inside', () => {
    const s = secretsOf(KEY);
    for (let at = 0; at < 20; at++) {
      const text = `${'x'.repeat(at)}${KEY} and more text after it`;
      const clipped = s.clip(text, 10);
      expect(clipped, `secret at ${at}`).not.toContain(KEY.slice(0, 3));
      expect(clipped.endsWith('…')).toBe(true);
      expect(clipped.startsWith('x'.repeat(Math.min(at, 10)))).toBe(true);
    }
  });

  it('keeps text under the limit whole (scrubbed), and cuts longer text at the limit', () => {
    const s = secretsOf(KEY);
    expect(s.clip(`a ${KEY}`, 100)).toBe(`a ${REDACTED}`);
    expect(s.clip('abcdefghij', 4)).toBe('abcd…');
    expect(s.clip(`${KEY}${'y'.repeat(50)}`, 5)).toBe(`${REDACTED}…`);
  });

  it('scrubs a short-lived value the cut falls inside, with no other secret registered', () => {
    const s = new Secrets();
    const signature = '4ed86580ab439b56251ed712e2554586b125f0ef';
    s.addTemporary(signature, 60_000);
    expect(s.clip(`sig=${signature}&more`, 10)).toBe(`sig=${REDACTED}…`);
  });

  it('never splits a surrogate pair at the cut', () => {
    expect(new Secrets().clip('ab😀cd', 3)).toBe('ab…');
  });
});

describe('Secrets.headers', () => {
  it('masks credential headers by name in any case, and scrubs every other value', () => {
    const s = secretsOf(KEY);
    const safeKey = 'k3y-Ab9 "q\\ +%/=!()*-end';
    s.add(safeKey);
    expect(s.headers({ Authorization: 'Basic abc', 'X-API-KEY': 'x', Web_Api_Key: 'y', 'X-Request-Id': `echo ${safeKey}`, Accept: 'text/xml' })).toEqual({
      Authorization: REDACTED, 'X-API-KEY': REDACTED, Web_Api_Key: REDACTED, 'X-Request-Id': `echo ${REDACTED}`, Accept: 'text/xml',
    });
    expect(s.headers(new Headers({ 'Proxy-Authorization': 'p', 'X-Debug': encodeURIComponent(KEY) }))).toEqual({ 'proxy-authorization': REDACTED, 'x-debug': REDACTED });
    expect(isSecretName('SIGNATURE')).toBe(true);
  });
});

describe('Secrets.url', () => {
  it('masks a password in the URL, registered or not', () => {
    expect(new Secrets().url('https://user:hunter2-pass@api.example/v1?q=1')).toBe(`https://user:${REDACTED}@api.example/v1?q=1`);
    expect(new Secrets().url('not a url, but //user:hunter2-pass@host/x')).toBe(`not a url, but //user:${REDACTED}@host/x`);
  });

  it('masks query parameters with credential names, in any case, and every registered secret in any form', () => {
    const s = secretsOf(KEY);
    const url = `https://api.example/v1?AuthKey=abc&signature=def&q=${encodeURIComponent(KEY)}&r=${new URLSearchParams({ r: KEY }).toString().slice(2)}`;
    const printed = s.url(url);
    expect(printed).toBe(`https://api.example/v1?AuthKey=${REDACTED}&signature=${REDACTED}&q=${REDACTED}&r=${REDACTED}`);
    expect(s.url(`https://api.example/${encodeURIComponent(KEY)}/x`)).toBe(`https://api.example/${REDACTED}/x`);
  });
});

describe('Secrets.scrubValue', () => {
  it('scrubs every string of a deep copy, keys too, and masks credential-named fields', () => {
    const s = secretsOf(KEY);
    const value = { a: [`x ${KEY}`], [KEY]: 1, nested: { Password: 'p', ok: 2 } };
    expect(s.scrubValue(value)).toEqual({ a: [`x ${REDACTED}`], [REDACTED]: 1, nested: { Password: REDACTED, ok: 2 } });
  });
});

describe('Secrets.addTemporary', () => {
  afterEach(() => vi.useRealTimers());

  it('scrubs a per-request value while it can matter, then forgets it: the set does not grow per request', () => {
    vi.useFakeTimers();
    const s = secretsOf(KEY);
    const signature = '4ed86580ab439b56251ed712e2554586b125f0ef';
    s.addTemporary(signature, 1000);
    expect(s.scrub(`sig ${signature} ${signature.toUpperCase()} 00${signature}ff`)).toBe(`sig ${REDACTED} ${REDACTED} 00${REDACTED}ff`);
    s.addTemporary('ABCDEF0123456789ABCDEF', 1000);
    expect(s.scrub('abcdef0123456789abcdef')).toBe(REDACTED);
    vi.advanceTimersByTime(1001);
    expect(s.scrub(`sig ${signature} ${KEY}`)).toBe(`sig ${signature} ${REDACTED}`);
  });

  it('keeps a permanent secret registered even when the same value was also added for a while', () => {
    vi.useFakeTimers();
    const s = secretsOf(KEY);
    s.addTemporary(KEY, 10);
    vi.advanceTimersByTime(11);
    expect(s.scrub(KEY)).toBe(REDACTED);
  });
});

describe('a secret someone else cut before we could scrub it', () => {
  it('removes a head before a cut mark and a tail after one (V8 quotes JSON this way)', () => {
    const s = secretsOf(KEY);
    let message = '';
    try {
      JSON.parse(`${KEY.slice(0, 20)} is no JSON`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`"${KEY.slice(0, 10)}"...`);
    expect(s.scrub(message)).toBe(`Unexpected token 'k', "${REDACTED}"... is not valid JSON`);
    expect(s.scrub(`x …${KEY.slice(-9)} y`)).toBe(`x …${REDACTED} y`);
    expect(s.scrub(`${KEY.slice(0, 5)}… and ${KEY.slice(0, 9)} alone`)).toBe(`${KEY.slice(0, 5)}… and ${KEY.slice(0, 9)} alone`);
  });
});
