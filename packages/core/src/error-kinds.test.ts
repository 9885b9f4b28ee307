// The one table every consumer reads (retry, CLI exit code, CLI hint): no exported error class may be missing
// from it, and a class of the caller's own takes the row of the nearest creditkit class it extends.
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, type ErrorKindEntry, errorKindOf } from './error-kinds.js';
import { ConfigurationError, ConnectionError, ProviderError, UnsupportedRuntimeError } from './errors.js';
import * as core from './index.js';

const exportedErrorClasses = Object.entries(core as Record<string, unknown>).filter(([, v]) => typeof v === 'function' && v.prototype instanceof Error);
/** The rows, keyed loosely so any export can be looked up. */
const rows = new Map<unknown, ErrorKindEntry>(ERROR_KINDS);

describe('the error table', () => {
  it('has a row of its own for every error class core exports', () => {
    expect(exportedErrorClasses.length).toBeGreaterThanOrEqual(20);
    const missing = exportedErrorClasses.filter(([, errorClass]) => !rows.has(errorClass)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('gives each exported class its own kind', () => {
    const kinds = exportedErrorClasses.filter(([name]) => name !== 'CreditkitError').map(([, errorClass]) => rows.get(errorClass)!.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('tells configuration apart: a bad option, missing credentials, an unsupported runtime', () => {
    expect(errorKindOf(new ConfigurationError('FinerWorks: unknown environment', { option: 'environment' }))).toEqual({ kind: 'configuration', retry: 'never', exit: 'usage' });
    expect(errorKindOf(new core.MissingCredentialsError('needs apiKey', { credentials: [{ option: 'apiKey', env: 'FUSEBILL_API_KEY' }] }))).toEqual({ kind: 'missing-credentials', retry: 'never', exit: 'auth' });
    expect(errorKindOf(new UnsupportedRuntimeError('GET with a body'))).toEqual({ kind: 'unsupported-runtime', retry: 'never', exit: 'unsupported' });
  });

  it("gives a caller's own subclass the row of the creditkit class it extends", () => {
    class FlakyNetwork extends ConnectionError {}
    expect(errorKindOf(new FlakyNetwork('reset', { requestSent: false })).kind).toBe('connection');
  });

  it('treats a 200 body that refuses the credentials as an auth failure, never retried', () => {
    const refused = new ProviderError({ code: 'InvalidSignature', message: 'Invalid signature', refused: 'authentication' });
    expect(errorKindOf(refused)).toEqual({ kind: 'authentication', retry: 'never', exit: 'auth' });
    expect(errorKindOf(new ProviderError({ code: 'E1', message: 'no' }))).toEqual({ kind: 'provider', retry: 'never', exit: 'provider' });
  });

  it.each([
    ['a TypeError', new TypeError('x is not a function')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['an object without a prototype', Object.create(null)],
  ])('calls anything else (%s) unexpected, never retried', (_case, thrown) => {
    expect(errorKindOf(thrown)).toEqual({ kind: 'unexpected', retry: 'never', exit: 'unexpected' });
  });
});
