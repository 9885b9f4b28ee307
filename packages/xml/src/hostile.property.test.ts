// Properties of the XML codec under random and hostile documents: every input ends as a value or a
// DecodeError (with a bounded message) within a time bound; nothing a document says reaches Object.prototype;
// nesting and entity expansion stay within the limits whatever the mix.
import { DecodeError, type Shape } from '@creditkit/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { xmlCodec } from './index.js';

const SEED = 20_260_808;
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.CREDITKIT_FUZZ_SCALE ?? 1)));
/** Far above the few milliseconds a decode takes, low enough to catch a hang or a blow-up. */
const SMALL_DOC_MS = 500;

const sale: Shape = { type: 'object', xml: { name: 'sale' }, properties: { code: { type: 'string' }, total: { type: 'number' }, paid: { type: 'boolean' } } };
const shapes: (Shape | undefined)[] = [undefined, sale, { type: 'any', variants: [sale, { type: 'object', xml: { name: 'error' }, properties: { errorId: { type: 'string' } } }] }];

const HOSTILE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'polluted', 'sale', 'code', 'total', 'paid', 'nil', 'xsi:nil', '#text', '@_nil'];

/** The prototype every object shares, as it is before any test: names and values. */
const baseline = new Map(Object.getOwnPropertyNames(Object.prototype).map((n) => [n, Object.getOwnPropertyDescriptor(Object.prototype, n)?.value]));
afterEach(() => {
  const now = Object.getOwnPropertyNames(Object.prototype);
  expect(now.sort()).toEqual([...baseline.keys()].sort());
  for (const n of now) expect(Object.getOwnPropertyDescriptor(Object.prototype, n)?.value).toBe(baseline.get(n));
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Decodes, timing it; the outcome must be a value or a DecodeError with a short message. */
function decode(text: string, shape: Shape | undefined, boundMs = SMALL_DOC_MS): { value?: unknown; error?: DecodeError } {
  const started = performance.now();
  try {
    return { value: xmlCodec.decode(text, shape) };
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).message.length).toBeLessThan(400);
    return { error: error as DecodeError };
  } finally {
    expect(performance.now() - started, `decoding ${text.length} chars took too long`).toBeLessThan(boundMs);
  }
}

/** Every object in a decoded value is a plain object or array: no document reshaped a prototype. */
function expectPlain(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  expect([Object.prototype, Array.prototype, null]).toContain(Object.getPrototypeOf(value));
  for (const v of Object.values(value)) expectPlain(v);
}

const name = fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.stringMatching(/^[A-Za-z_][\w.-]{0,8}$/));
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('&amp;', '&#x41;', '&#0;', '&lt;&gt;', '&unknown;', '<![CDATA[<x>]]>', 'true', '12.5', ' 7 ', 'INF'));

/** Random well-formed-ish element trees over hostile names, with attributes. */
const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(name, fc.array(fc.tuple(name, fc.string({ maxLength: 6 })), { maxLength: 2 }), fc.array(fc.oneof(text, tie('element')), { maxLength: 3, depthIdentifier: 'tree' }))
    .map(([tag, attributes, children]) => `<${tag}${attributes.map(([a, v]) => ` ${a}="${v.replace(/["<&]/g, '')}"`).join('')}>${children.join('')}</${tag}>`),
}));

/** XML syntax soup: tokens in any order, so half-open tags, stray declarations and entity syntax all occur. */
const soup = fc
  .array(fc.oneof(fc.constantFrom('<', '>', '</', '/>', '<?xml version="1.0"?>', '<!DOCTYPE sale [', ']>', '<!ENTITY e "x">', '&e;', '<!--', '-->', '<![CDATA[', ']]>', '="', '"'), name, text), { maxLength: 30 })
  .map((tokens) => tokens.join(''));

const any = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), soup, element, element.map((e) => `<?xml version="1.0" encoding="UTF-8"?>\n${e}`));

describe('XML codec properties', () => {
  it('decodes any text to a value or a DecodeError, quickly, with plain objects only', () => {
    fc.assert(
      fc.property(any, fc.constantFrom(...shapes), (doc, shape) => {
        const { value } = decode(doc, shape);
        expectPlain(value);
      }),
      { seed: SEED, numRuns: runs(1000) },
    );
  });

  it('refuses nesting past the limit (32) and reads any depth within it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.constantFrom('a', '__proto__', 'constructor'), (depth, tag) => {
        const doc = `${`<${tag}>`.repeat(depth)}x${`</${tag}>`.repeat(depth)}`;
        const { error } = decode(doc, undefined);
        if (tag !== 'a') expect(error).toBeDefined();
        else if (depth > 32) expect(error?.message).toMatch(/Maximum nested tags exceeded/);
        else expect(error).toBeUndefined();
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  it('bounds entity expansion (billion laughs) whatever the fan-out and levels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 64 }), (levels, fanOut, size) => {
        const entities = [`<!ENTITY l0 "${'l'.repeat(size)}">`];
        for (let i = 1; i < levels; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(fanOut)}">`);
        const doc = `<!DOCTYPE sale [${entities.join('')}]><sale><code>&l${levels - 1};</code></sale>`;
        const { value, error } = decode(doc, sale);
        // Whatever got through stays within the expansion budget (64 KiB by default); one plain entity reads exactly.
        if (error) expect(error).toBeInstanceOf(DecodeError);
        else expect((value as { code: string }).code.length).toBeLessThanOrEqual(65_536);
        if (levels === 1) expect(value).toEqual({ code: 'l'.repeat(size) });
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });

  it('gets through huge documents (siblings, text, attributes, unclosed tags) in bounded time', () => {
    const huge = fc.integer({ min: 10_000, max: 120_000 }).chain((n) =>
      fc.constantFrom(
        `<sale>${'<code>x</code>'.repeat(n / 10)}</sale>`,
        `<sale><code>${'y'.repeat(n * 10)}</code></sale>`,
        `<sale ${Array.from({ length: n / 100 }, (_, i) => `a${i}="1"`).join(' ')}/>`,
        `<sale>${'<a>'.repeat(n)}`,
        `<sale>${'&amp;'.repeat(n)}</sale>`,
      ),
    );
    fc.assert(
      fc.property(huge, fc.constantFrom(...shapes), (doc, shape) => {
        decode(doc, shape, 5000);
      }),
      { seed: SEED, numRuns: runs(12) },
    );
  });
});
