// The real XML answers (2sms's help-page sample, Safe Creative's documents) mutated by fast-check — cut,
// spliced, renamed to hostile names, laced with entities — decoded by the XML providers' own shapes and
// through their whole pipeline: a typed result or a typed error, in bounded time, Object.prototype untouched.
import { CreditkitError, DecodeError, OutcomeUnknownError, ProviderError } from '@creditkit/core';
import { xmlCodec } from '@creditkit/xml';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compact, RESPONSE_JSON, RESPONSE_XML } from '@creditkit/test-support/accountadmin-page-samples';
import { cannedClient } from './canned.js';
import { runs, SEED } from './fuzz.js';
import { CASES } from './providers.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SAMPLES: Record<string, string[]> = {
  accountadmin: [RESPONSE_XML, compact(RESPONSE_XML), RESPONSE_XML.replace(/<Error>[\s\S]*?<\/Error>/, '<Error xsi:nil="true" />')],
  safecreative: [
    `${DECL}<sale>\n  <code>PS2608080000001</code>\n  <status>PAYMENT_PENDING</status>\n  <paymentlink>https://account.safecreative.org/sale/PS2608080000001?r=http%3A%2F%2Fexample.com%2Fr&amp;c=http%3A%2F%2Fexample.com%2Fc</paymentlink>\n</sale>\n`,
    `${DECL}<sale>\n  <code>PS2608080000002</code>\n  <status>PROCESSED</status>\n</sale>\n`,
    `${DECL}<error>\n  <errorId>InvalidParameter</errorId>\n  <errorMessage>Invalid parameter value: service=GOLD</errorMessage>\n</error>\n`,
    `${DECL}<exception>\n  <exceptionId>RuntimeException</exceptionId>\n  <exceptionMessage>This is a test exception</exceptionMessage>\n</exception>\n`,
  ],
};
/** What each sample says, typed by the schema (the 2sms page's JSON twin is the same answer). */
const PAGE = JSON.parse(RESPONSE_JSON);
const DECODED: Record<string, unknown[]> = {
  accountadmin: [PAGE, PAGE, { ...PAGE, Error: null }],
  safecreative: [
    { code: 'PS2608080000001', status: 'PAYMENT_PENDING', paymentlink: 'https://account.safecreative.org/sale/PS2608080000001?r=http%3A%2F%2Fexample.com%2Fr&c=http%3A%2F%2Fexample.com%2Fc' },
    { code: 'PS2608080000002', status: 'PROCESSED' },
    { errorId: 'InvalidParameter', errorMessage: 'Invalid parameter value: service=GOLD' },
    { exceptionId: 'RuntimeException', exceptionMessage: 'This is a test exception' },
  ],
};
const XML_CASES = CASES.filter((c) => c.id === 'safecreative' || c.options.format === 'xml');

const TOKENS = ['<', '>', '</', '/>', '&', '&amp;', '&#0;', '&#xD800;', '&#x10FFFF;', '"', "'", '\u0000', '\uFFFE', '<![CDATA[x]]>', '<!-- -->', '<?pi x?>',
  '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', '&a;', '&b;', '<!ENTITY x SYSTEM "file:///etc/passwd">', '&x;',
  '<__proto__><polluted>yes</polluted></__proto__>', '<constructor><prototype><polluted>yes</polluted></prototype></constructor>', ' xsi:nil="true"', '<Detail>', '</Detail>', '<code>', 'INF', 'NaN', '-1e999'];
const HOSTILE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'polluted'];

type Mutation = (doc: string) => string;
const at = (doc: string, i: number) => i % (doc.length + 1);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([i, n]): Mutation => (d) => d.slice(0, at(d, i)) + d.slice(at(d, i) + n)),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 }))).map(([i, t]): Mutation => (d) => d.slice(0, at(d, i)) + t + d.slice(at(d, i))),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 60 })).map(([i, n]): Mutation => (d) => d.slice(0, at(d, i) + n) + d.slice(at(d, i))),
  fc.nat().map((i): Mutation => (d) => d.slice(0, at(d, i))),
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_NAMES)).map(([i, name]): Mutation => (d) => {
    const tags = [...new Set([...d.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => m[1]!))];
    const tag = tags[i % Math.max(1, tags.length)];
    return tag ? d.replace(new RegExp(`(</?)${tag}\\b`, 'g'), `$1${name}`) : d;
  }),
);
const mutated = (id: string) =>
  fc.tuple(fc.constantFrom(...SAMPLES[id]!), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([doc, ms]) => ms.reduce((d, m) => m(d), doc));

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const stats: string[] = [];
afterAll(() => console.log(`XML samples fuzz (seed ${SEED}):\n  ${stats.join('\n  ')}`));

describe('mutated real XML answers', () => {
  it.each(XML_CASES.map((c) => [c.label, c] as const))('%s: the unmutated samples decode to what they say', (_label, c) => {
    expect(SAMPLES[c.id]!.map((doc) => xmlCodec.decode(doc, c.spec.responseShape))).toEqual(DECODED[c.id]);
  });

  it.each(XML_CASES.map((c) => [c.label, c] as const))('%s: the codec gives a value or a DecodeError within 200 ms', (label, c) => {
    let errors = 0;
    fc.assert(
      fc.property(mutated(c.id), (doc) => {
        const started = performance.now();
        try {
          xmlCodec.decode(doc, c.spec.responseShape);
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError);
          errors++;
        }
        expect(performance.now() - started).toBeLessThan(200);
      }),
      { seed: SEED, numRuns: runs(500) },
    );
    stats.push(`${label}: ${runs(500)} mutants through the codec, ${errors} DecodeErrors`);
  });

  it.each(XML_CASES.map((c) => [c.label, c] as const))('%s: through the whole client, a value or a typed error', async (label, c) => {
    const names = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(mutated(c.id), async (doc) => {
        const call = cannedClient(c, () => new Response(doc, { headers: { 'content-type': 'application/xml; charset=utf-8' } }));
        const error = await call(c.input('canned')).then(
          () => undefined,
          (e: unknown) => e,
        );
        const name = error === undefined ? 'value' : (error as Error).name;
        names.set(name, (names.get(name) ?? 0) + 1);
        if (error === undefined) {
          // Accepted: the result is exactly what the document says, and the document is no refusal in disguise.
          const value = await call(c.input('canned'));
          expect(value).toEqual(xmlCodec.decode(doc, c.spec.responseShape));
          expect(value).not.toHaveProperty('errorId');
          expect(value).not.toHaveProperty('exceptionId');
          expect((value as { Error?: unknown }).Error ?? null).toBeNull();
          return;
        }
        expect(error).toBeInstanceOf(CreditkitError);
        // A 200 that cannot be read answered a purchase: never retried, never silently lost.
        if (c.spec.idempotency.kind === 'unsafe') expect(error).not.toBeInstanceOf(DecodeError);
        // In doubt: unreadable, or (2sms) read as a failure that carries a purchase record, kept in `answer`.
        if (error instanceof OutcomeUnknownError) {
          const readInDoubt = error.cause instanceof ProviderError && error.reconcile.answer !== undefined;
          expect(error.cause instanceof DecodeError || readInDoubt).toBe(true);
        }
      }),
      { seed: SEED, numRuns: runs(150) },
    );
    stats.push(`${label}: ${runs(150)} mutants through the client -> ${[...names].map(([n, k]) => `${k} ${n}`).join(', ')}`);
  });
});
