// No redirect is ever followed: it would carry the credentials (an API key header, a Basic pair) to whatever
// host the answer names. A 3xx is an ApiError naming only the Location's origin; a fetch that follows anyway
// has its answer refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ApiError, OutcomeUnknownError, UnsupportedRuntimeError } from '../errors.js';
import { type RawServer, startRawServer, tinyOperations, tinyProvider, TRANSPORT_VARIANTS } from '@creditkit/test-support';

const KEY = 'k-redirect-secret-9';
let origin: RawServer;
let elsewhere: RawServer;
beforeAll(async () => {
  [origin, elsewhere] = await Promise.all([startRawServer(), startRawServer()]);
  elsewhere.answer({ bytes: 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 8\r\n\r\n{"id":7}' });
});
afterAll(() => Promise.all([origin.close(), elsewhere.close()]));
afterEach(() => {
  origin.requests.length = 0;
  elsewhere.requests.length = 0;
});

const redirect = (status: number, location: string) => ({ bytes: `HTTP/1.1 ${status} Moved\r\nlocation: ${location}\r\ncontent-length: 0\r\n\r\n` });
const settle = (p: Promise<unknown>) => p.then((value) => ({ value, error: undefined }), (error: unknown) => ({ value: undefined, error }));


describe.each(TRANSPORT_VARIANTS)('over %s', (_name, variant) => {
  const client = () =>
    createClient({ ...tinyProvider, ...(variant.transport ? { transport: variant.transport } : {}) }, { apiKey: KEY, baseUrl: origin.url, maxRetries: 2, ...variant.options });

  it.each([301, 302, 303, 307, 308])('refuses a %i to another server: nothing reaches it, the error names only its origin', async (status) => {
    origin.answer(redirect(status, `${elsewhere.url}/collect?token=${KEY}`));
    const purchase = await settle(client().call(tinyOperations.buyUnsafe, { credits: 5 }));
    // A purchase answered with a redirect may have been processed (a 303 after a POST usually was): in doubt.
    expect(purchase.error).toBeInstanceOf(OutcomeUnknownError);
    const query = await settle(client().call(tinyOperations.getBalance, { account: 'a' }));
    for (const error of [(purchase.error as OutcomeUnknownError).cause, query.error]) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status, headers: { location: elsewhere.url } });
      expect((error as Error).message).toContain(`redirect to ${elsewhere.url} refused`);
    }
    for (const error of [purchase.error, query.error]) {
      const shown = `${String(error)} ${JSON.stringify(error)}`;
      expect(shown).not.toContain('/collect');
      expect(shown).not.toContain(KEY);
    }
    // Each call went out once (a redirect is not retried) and nothing followed it.
    expect(origin.requests).toHaveLength(2);
    expect(elsewhere.requests).toEqual([]);
  });

  it('names a relative Location by the origin it resolves to', async () => {
    origin.answer(redirect(302, '/elsewhere?x=1'));
    const { error } = await settle(client().call(tinyOperations.getBalance, { account: 'a' }));
    expect((error as Error).message).toContain(`redirect to ${origin.url} refused`);
    expect((error as Error).message).not.toContain('elsewhere');
    expect(origin.requests).toHaveLength(1);
  });
});

describe('a fetch that follows redirects although asked not to', () => {
  it("refuses its answer, naming the origin it came from, instead of taking another host's reply for the provider's", async () => {
    origin.answer(redirect(307, `${elsewhere.url}/collect`));
    const following: typeof fetch = (input, init) => globalThis.fetch(input, { ...init, redirect: 'follow' });
    const client = createClient(tinyProvider, { apiKey: KEY, baseUrl: origin.url, fetch: following });
    const { value, error } = await settle(client.call(tinyOperations.buyUnsafe, { credits: 5 }));
    expect(value).toBeUndefined();
    expect(error).toBeInstanceOf(UnsupportedRuntimeError);
    expect((error as Error).message).toContain(`followed a redirect to ${elsewhere.url}`);
    expect((error as Error).message).not.toContain('/collect');
  });
});
