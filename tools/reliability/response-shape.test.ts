// A 2xx whose JSON body is not the answer the spec describes (a list, a bare string, an object without the
// required `status`) is no proof that a purchase succeeded: it must not resolve as the typed result. The
// generated response validator makes it a DecodeError, so the purchase is in doubt.
import { CreditkitError } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { cannedClient } from './canned.js';
import { CASES } from './providers.js';

const finerworks = CASES.find((c) => c.id === 'finerworks')!;

describe('a 2xx that is not the response shape', () => {
  it.each(['[1,2]', '"hello"', '{}', '{"status":"ok"}'])('FinerWorks answered %s: the purchase does not resolve as a success', async (body) => {
    const call = cannedClient(finerworks, () => new Response(body, { headers: { 'content-type': 'application/json' } }));
    const error = await call(finerworks.input('shape')).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CreditkitError);
    expect((error as Error).name).toBe('OutcomeUnknownError');
  });

  it('still resolves a real answer (the control)', async () => {
    const body = JSON.stringify({ product_id: 1, status: { success: true, status_code: 100, message: 'Account credit added to cart.', debug: {}, reference_id: 'ref-1', domain: 'test-api.finerworks.com' } });
    const call = cannedClient(finerworks, () => new Response(body, { headers: { 'content-type': 'application/json' } }));
    await expect(call(finerworks.input('shape'))).resolves.toMatchObject({ product_id: 1, status: { success: true } });
  });
});
