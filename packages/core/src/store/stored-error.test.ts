// A stored error comes back as the same class with the same fields, so a replayed failure reads like the first.
import { describe, expect, it } from 'vitest';
import { ApiError, CreditkitError, OutcomeUnknownError, ProviderError, RateLimitError, ServerError, ValidationError } from '../errors.js';
import { restoreError, toStoredError } from './stored-error.js';

const roundTrip = (e: unknown) => restoreError(JSON.parse(JSON.stringify(toStoredError(e))), 'order-1');

describe('stored errors', () => {
  it('keep class, message and fields through JSON', () => {
    const original = ApiError.from({ status: 402, headers: { 'x-request-id': 'r-1' }, body: { Message: 'no' }, provider: 'tiny', operation: 'buy' });
    const back = roundTrip(original) as ApiError;
    expect(back).toBeInstanceOf(ApiError);
    expect(back).toBeInstanceOf(CreditkitError);
    expect(back).toMatchObject({ name: 'ApiError', status: 402, provider: 'tiny', operation: 'buy', body: { Message: 'no' } });
    expect(back.message).toBe(original.message);
    expect(back.stack).toContain('replayed from intent order-1');
    // As a thrown error's: message and stack are not enumerable, so logging its keys shows the fields only.
    const defined = (e: object) => Object.entries(e).filter(([, v]) => v !== undefined).map(([k]) => k).sort();
    expect(defined(back)).toEqual(defined(original));
  });

  it.each([
    new ServerError({ status: 503, provider: 'tiny' }),
    new RateLimitError({ status: 429, retryAfterMs: 1200 }),
    new ProviderError({ code: 'E42', message: 'no credits left', status: 200 }),
    new ValidationError([{ path: 'amount', rule: 'minimum', message: 'amount must be ≥ 1' }]),
    new OutcomeUnknownError({ provider: 'tiny', operation: 'buy', attempts: 1, reconcile: { method: 'POST', path: '/buy', input: { credits: 3 }, hint: 'check' } }),
  ])('a %s comes back as itself', (original) => {
    const back = roundTrip(original);
    expect(back.constructor).toBe(original.constructor);
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(original)));
  });

  it('an error of a class it does not know comes back as a CreditkitError with its name and message', () => {
    const stored = toStoredError(new TypeError('odd'));
    expect(stored).toEqual({ name: 'TypeError', message: 'odd', fields: {} });
    const back = restoreError(stored, 'x');
    expect(back).toBeInstanceOf(CreditkitError);
    expect([back.name, back.message]).toEqual(['TypeError', 'odd']);
    expect(toStoredError('a string')).toEqual({ name: 'Error', message: 'a string', fields: {} });
  });
});
