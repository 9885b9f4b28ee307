// Shared by the property tests: one seed, a run budget that a flag can raise, and hostile values.
import fc from 'fast-check';

/** Every property runs from this seed (fast-check prints seed and path on a failure; rerun with them). */
export const SEED = 20_260_808;

/** `CREDITKIT_FUZZ_SCALE=20 npx vitest run tools/reliability` runs every property 20 times as long. */
export const runs = (n: number): number => Math.max(1, Math.round(n * Number(process.env.CREDITKIT_FUZZ_SCALE ?? 1)));

/** Any UTF-16 code unit, unpaired surrogates included (what a JS string can hold, not what UTF-8 can). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Strings a caller might pass: empty, huge, unicode, control characters, unpaired surrogates, URL and XML syntax. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 20 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', '__proto__', 'a&b=c+d %20', '<x>&amp;</x>', 'http://', 'https://e.com/\uD800', '\u0000'),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'x'.repeat(n)),
);

/** Values of any JSON-ish or not-so-JSON-ish type, BigInt and null-prototype objects included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.boolean(),
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.anything({ maxDepth: 2, withBigInt: true, withNullPrototype: true, withDate: true, withMap: true, withSparseArray: true, stringUnit: 'binary' }),
);
