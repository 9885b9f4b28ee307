// Properties of the Safe Creative signature: it does not depend on parameter order, any one changed character
// of a key or a value changes it, and what the client puts on the wire decodes (as the server decodes it) to
// exactly the values it signed — spaces, `&`, `=`, `+`, `%` and non-ASCII included.
import { createHash } from 'node:crypto';
import { type AttemptContext, Secrets } from '@creditkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Param, sign } from './signature.js';
import { signedQueryAuthorizer } from './signed-query.js';

const SEED = 20_260_808;
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.CREDITKIT_FUZZ_SCALE ?? 1)));

/** The characters URL encodings disagree on, plus multi-byte UTF-8. */
const tricky = fc.constantFrom(' ', '&', '=', '+', '%', '%2B', '#', '?', '/', ':', ';', 'ñ', '€', '😀', '\u00a0', '\t');
const char = fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
const value = fc.string({ unit: char, maxLength: 12 });
/** Keys the plugin owns (it replaces them) or leaves unsigned are kept out of the generated ones. */
const key = fc.string({ unit: char, minLength: 1, maxLength: 8 }).filter((k) => !['authkey', 'ztime', 'signature', 'debug-component'].includes(k));
const params = fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 8 });
const privateKey = fc.string({ unit: char, minLength: 1, maxLength: 30 });

/** The server's check, written independently: SHA-1 of `privateKey&k=v…` over decoded pairs sorted by key. */
const serverSignature = (pk: string, pairs: readonly Param[]) =>
  createHash('sha1')
    .update([pk, ...[...pairs].filter(([k]) => k !== 'signature' && k !== 'debug-component').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`)].join('&'), 'utf8')
    .digest('hex');

/** Runs the real signing step on a request carrying `pairs`, and returns the URL it would send. */
async function sentUrl(pairs: readonly Param[], authkey: string, pk: string): Promise<URL> {
  const url = new URL('https://arena.safecreative.org/v2/');
  for (const [k, v] of pairs) url.searchParams.append(k, v);
  const ctx = { codecs: {}, operation: {}, log: () => {}, secrets: new Secrets(), options: { timeoutMs: 1000 } } as unknown as AttemptContext;
  const authorizer = signedQueryAuthorizer({ authkey, privateKey: pk, sendShared: () => Promise.reject(new Error('no clock read here')) });
  const sent = await authorizer.authorize({ method: 'GET', url: url.href, headers: {} }, ctx);
  return new URL(sent.url);
}

describe('Safe Creative signature properties', () => {
  it('does not depend on the order of the parameters', async () => {
    const shuffled = params.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p, { minLength: p.length, maxLength: p.length })));
    await fc.assert(
      fc.asyncProperty(privateKey, shuffled, async (pk, [original, reordered]) => {
        expect(await sign(pk, reordered)).toBe(await sign(pk, original));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('changes when any one character of a key, a value or the private key changes', async () => {
    const edit = fc.record({ pk: privateKey, pairs: params.filter((p) => p.length > 0), target: fc.nat(), part: fc.constantFrom(0, 1, 2), at: fc.nat(), replacement: char });
    await fc.assert(
      fc.asyncProperty(edit, async ({ pk, pairs, target, part, at, replacement }) => {
        const i = target % pairs.length;
        const change = (s: string) => {
          const units = [...s];
          if (units.length === 0) return replacement;
          units[at % units.length] = replacement;
          return units.join('');
        };
        const changed = pairs.map(([k, v], j): Param => (j === i && part === 0 ? [change(k), v] : j === i && part === 1 ? [k, change(v)] : [k, v]));
        const changedPk = part === 2 ? change(pk) : pk;
        // Only real edits that keep the keys unique and signed.
        fc.pre(changedPk !== pk || changed.some(([k, v], j) => k !== pairs[j]![0] || v !== pairs[j]![1]));
        fc.pre(new Set(changed.map(([k]) => k)).size === changed.length && changed.every(([k]) => k !== 'signature' && k !== 'debug-component'));
        expect(await sign(changedPk, changed)).not.toBe(await sign(pk, pairs));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('puts values on the wire that decode to exactly what was signed, and the server re-signs them identically', async () => {
    await fc.assert(
      fc.asyncProperty(params, value.filter((v) => v !== ''), privateKey, async (pairs, authkey, pk) => {
        const url = await sentUrl(pairs, authkey, pk);
        // The server's form decoder: `+` is a space, `%2B` a plus.
        const decoded = [...new URLSearchParams(url.search)];
        const signature = decoded.find(([k]) => k === 'signature')?.[1];
        const signed = decoded.filter(([k]) => k !== 'signature');
        expect(signed.filter(([k]) => k !== 'authkey' && k !== 'ztime')).toEqual([...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(signed.find(([k]) => k === 'authkey')?.[1]).toBe(authkey);
        expect(signature).toBe(serverSignature(pk, signed));
        expect(await sign(pk, signed)).toBe(signature);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});
