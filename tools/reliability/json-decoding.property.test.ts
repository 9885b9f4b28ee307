// Core's JSON codec and `conform` against every JSON provider's response shape: numeric strings become numbers
// only where the schema says number (never in a string field, never in a field the schema does not know), and
// any body at all, through the provider's whole pipeline, ends as a value or a typed error.
import { CreditkitError, DecodeError, OutcomeUnknownError, type Shape } from '@creditkit/core';
import { jsonCodec } from '@creditkit/core/internal';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cannedClient } from './canned.js';
import { runs, SEED } from './fuzz.js';
import { CASES } from './providers.js';

const JSON_CASES = CASES.filter((c) => c.spec.responseMediaTypes.includes('application/json') && c.options.format !== 'xml');

interface Wire {
  sent: unknown;
  expected: unknown;
}
const same = (v: unknown): Wire => ({ sent: v, expected: v });
/** Any JSON value, as it survives the wire (-0 reads back as 0). Numbers a JS number cannot hold exactly
 * (written past 2^53 - 1) are refused by the codec, not decoded: see core's exact-number.test.ts. */
const jsonValue = (maxDepth: number) =>
  fc
    .jsonValue({ maxDepth })
    .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
    .filter((v) => !/\d{16}/.test(JSON.stringify(v) ?? ''));

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((n) => (Object.is(n, -0) ? 0 : n));
/** Number texts as servers write them: plain, exponent, fixed, padded. */
const numericText = fc.oneof(finite.map(String), fc.integer().map((n) => `${n}e2`), finite.map((n) => n.toFixed(2)), fc.integer().map((n) => ` ${n} `));
/** Texts that are no number (a letter other than e/E in them). */
const wordText = fc.string({ minLength: 1 }).filter((s) => /[a-df-zA-DF-Z]/.test(s));
const anyText = fc.oneof(fc.string(), numericText, fc.constantFrom('007', '1e3', '-0', '0x10', 'true', 'false', 'null'));

/** A body for `shape` as a server could send it, and what the decoder must make of it. */
function wire(shape: Shape | undefined, depth = 0): fc.Arbitrary<Wire> {
  switch (shape?.type) {
    case 'number':
    case 'integer':
      return fc.oneof(finite.map(same), numericText.map((s) => ({ sent: s, expected: Number(s) })), wordText.map(same));
    case 'boolean':
      return fc.oneof(fc.boolean().map(same), fc.boolean().map((b) => ({ sent: String(b), expected: b })), fc.constantFrom('TRUE', 'yes', '1').map(same));
    case 'string':
      return anyText.map(same);
    case 'array':
      return fc.array(wire(shape.items, depth + 1), { maxLength: 4 }).map((items) => ({ sent: items.map((i) => i.sent), expected: items.map((i) => i.expected) }));
    case 'object': {
      if (!shape.properties || depth > 6) return fc.dictionary(fc.string(), jsonValue(2), { maxKeys: 3 }).map(same);
      const props = Object.entries(shape.properties);
      const known = fc.record(Object.fromEntries(props.map(([k, s]) => [k, wire(s, depth + 1)])), { requiredKeys: [] });
      // Fields the schema does not describe keep whatever they hold, numeric strings included.
      const unknownKey = fc.string().filter((k) => !Object.hasOwn(shape.properties!, k));
      const extra = fc.dictionary(fc.oneof(unknownKey, fc.constant('__proto__')), fc.oneof(numericText, jsonValue(1)), { maxKeys: 2 });
      return fc.tuple(known, extra).map(([k, x]) => {
        const entries: [string, Wire][] = [...Object.entries(k as Record<string, Wire>), ...Object.entries(x).map(([key, v]): [string, Wire] => [key, same(v)])];
        return { sent: Object.fromEntries(entries.map(([key, w]) => [key, w.sent])), expected: Object.fromEntries(entries.map(([key, w]) => [key, w.expected])) };
      });
    }
    default:
      return jsonValue(2).map(same);
  }
}

const stats: string[] = [];
afterAll(() => console.log(`JSON decoding fuzz (seed ${SEED}):\n  ${stats.join('\n  ')}`));

describe('JSON decoding by each provider response shape', () => {
  it.each(JSON_CASES.map((c) => [c.label, c] as const))('%s: numeric strings become numbers only where the schema says number', (label, c) => {
    const shape = c.spec.responseShape;
    fc.assert(
      fc.property(wire(shape), ({ sent, expected }) => {
        const decoded = jsonCodec.decode(JSON.stringify(sent), shape);
        expect(decoded).toEqual(expected);
        if (decoded && typeof decoded === 'object' && !Array.isArray(decoded)) expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
      }),
      { seed: SEED, numRuns: runs(400) },
    );
    stats.push(`${label}: ${runs(400)} shaped bodies decoded as the schema says`);
  });

  /** Bodies of every kind: random text, JSON of any shape, a valid answer cut short or nested deep. */
  const bodies = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.json({ maxDepth: 4 }),
    fc.integer({ min: 100, max: 12_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.tuple(fc.json(), fc.nat()).map(([j, cut]) => j.slice(0, cut % (j.length + 1))),
  );
  const statuses = fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 404, 409, 429, 500, 503);
  const types = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'text/html', '', 'application/problem+json');

  it.each(JSON_CASES.map((c) => [c.label, c] as const))('%s: any body, status and content type end as a value or a typed error', async (label, c) => {
    const tally = { values: 0, errors: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(bodies, statuses, types, async (body, status, type) => {
        const call = cannedClient(c, () => new Response(status === 204 ? null : body, { status, headers: type ? { 'content-type': type } : {} }));
        let value: unknown;
        const error = await call(c.input('canned')).then(
          (v) => void (value = v),
          (e: unknown) => e,
        );
        if (error === undefined) {
          // Accepted: only a 2xx, and the result is the body as the schema reads it (nothing invented).
          tally.values++;
          expect(status).toBeLessThan(300);
          expect(sameData(value, status === 204 ? undefined : jsonCodec.decode(body, c.spec.responseShape))).toBe(true);
          return;
        }
        expect(error).toBeInstanceOf(CreditkitError);
        // An unreadable 2xx to a purchase that may repeat nothing: it was processed, so the outcome is unknown.
        if (error instanceof DecodeError) expect(c.spec.idempotency.kind).not.toBe('unsafe');
        if (error instanceof OutcomeUnknownError) expect(error.cause).toBeInstanceOf(DecodeError);
        expect(() => JSON.stringify(error)).not.toThrow();
        const name = (error as Error).name;
        tally.errors.set(name, (tally.errors.get(name) ?? 0) + 1);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
    stats.push(`${label}: ${runs(150)} bodies -> ${tally.values} values, ${[...tally.errors].map(([n, k]) => `${k} ${n}`).join(', ')}`);
  });
});

/** Deep equality without recursion: a 12 000-deep array overflows vitest's deep-equal and JSON.stringify. */
function sameData(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length) {
    const [x, y] = pending.pop()!;
    if (Object.is(x, y)) continue;
    if (!x || !y || typeof x !== 'object' || typeof y !== 'object' || Array.isArray(x) !== Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) {
      if (!Object.hasOwn(y, k)) return false;
      pending.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}
