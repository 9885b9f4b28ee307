// scrubDeep / Secrets.scrubValue on values that are not plain JSON: each comes out printable (JSON.stringify
// takes it) with every string scrubbed, and nothing deep or cyclic escapes or overflows the stack.
import { describe, expect, it } from 'vitest';
import { REDACTED, Secrets, scrubDeep } from './redact.js';

const KEY = 'k3y-Ab9-secret';
const secrets = new Secrets();
secrets.add(KEY);
const scrub = (s: string) => secrets.scrub(s);

/** `levels` objects, each holding the next under `a`, the innermost holding `leaf`. */
const nest = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : { a: nest(levels - 1, leaf) });
const descend = (value: unknown, levels: number): unknown => (levels === 0 ? value : descend((value as { a: unknown }).a, levels - 1));

describe('scrubDeep', () => {
  it('writes a bigint as its digits, so the copy can be printed as JSON', () => {
    const copy = secrets.scrubValue({ credits: 12345678901234567890n });
    expect(copy).toEqual({ credits: '12345678901234567890' });
    expect(JSON.stringify(copy)).toBe('{"credits":"12345678901234567890"}');
  });

  it('turns an error into its name and message, scrubbed', () => {
    expect(secrets.scrubValue({ cause: new TypeError(`bad key ${KEY}`) })).toEqual({ cause: `TypeError: bad key ${REDACTED}` });
  });

  it('uses toJSON where a value has one (a Date), and scrubs what it returns', () => {
    const copy = secrets.scrubValue({ at: new Date(0), custom: { toJSON: () => `id ${KEY}` } });
    expect(copy).toEqual({ at: '1970-01-01T00:00:00.000Z', custom: `id ${REDACTED}` });
  });

  it('drops undefined and function fields, as JSON would', () => {
    const copy = secrets.scrubValue({ ok: 1, skipped: undefined, fn: () => KEY });
    expect(Object.keys(copy)).toEqual(['ok']);
  });

  it('keeps 20 levels below the top, and cuts off the 21st', () => {
    const kept = scrubDeep(nest(20, { end: KEY }), scrub);
    expect(descend(kept, 20)).toEqual({ end: REDACTED });
    const cut = scrubDeep(nest(21, { end: KEY }), scrub);
    expect(descend(cut, 21)).toBe('[TRUNCATED]');
  });

  it('ends a cycle, through plain fields or through toJSON, instead of overflowing the stack', () => {
    const loop: Record<string, unknown> = { key: KEY };
    loop.self = loop;
    expect(JSON.stringify(scrubDeep(loop, scrub))).toContain('[TRUNCATED]');
    expect(JSON.stringify(scrubDeep(loop, scrub))).not.toContain(KEY);
    const again: { toJSON: () => unknown } = { toJSON: () => ({ again }) };
    expect(JSON.stringify(scrubDeep(again, scrub))).toContain('[TRUNCATED]');
  });

  it('copies a "__proto__" key of a parsed body as a field: the copy keeps the plain prototype', () => {
    const copy = scrubDeep(JSON.parse(`{"__proto__": {"polluted": "${KEY}"}, "ok": 1}`), scrub) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'ok']);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: REDACTED });
  });
});
