import { AuthenticationError, ConfigurationError, createRegistry, MissingCredentialsError, ProviderError, ValidationError } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createFinerWorksClient, provider } from './index.js';

const mock = useMockServer({ providers: ['finerworks'] });

const client = (overrides: Parameters<typeof createFinerWorksClient>[0] = {}) =>
  createFinerWorksClient({ ...mock.credentials.finerworks, baseUrl: mock.url('finerworks'), ...overrides });

describe('FinerWorks buyAccountCredits', () => {
  it('sends POST /v3/buy_account_credits with both key headers and the JSON body, and decodes the result', async () => {
    const result = await client().buyAccountCredits({ amount: 250, cart_id: 'c-1', extra_credits: 3 });

    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v3/buy_account_credits' });
    expect(sent!.headers.web_api_key).toBe(mock.credentials.finerworks.webApiKey);
    expect(sent!.headers.app_key).toBe(mock.credentials.finerworks.appKey);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent!.body)).toEqual({ amount: 250, cart_id: 'c-1', extra_credits: 3 });

    expect(result.product_id).toBe(1001);
    expect(result.status).toMatchObject({ success: true, status_code: 100, message: 'Account credit added to cart.' });
    expect(mock.simulators.finerworks.carts.get('c-1')).toEqual([{ product_id: 1001, amount: 250, extra_credits: 3 }]);
  });

  it('rejects an out-of-range amount and a missing cart_id in one ValidationError, sending nothing', async () => {
    const error = await client()
      .buyAccountCredits({ amount: 99 } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'amount', rule: 'range', message: expect.stringMatching(/amount must be between 100 and 5000 \(inclusive\); got 99/) }),
        expect.objectContaining({ path: 'cart_id', rule: 'required' }),
      ]),
    );
    expect(mock.requests).toHaveLength(0);
  });

  it('rejects a misspelt field instead of sending it', async () => {
    const error = await client()
      .buyAccountCredits({ amount: 100, cart_id: 'c', cartId: 'oops' } as never)
      .catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ path: 'cartId', rule: 'additionalProperties' })]);
    expect(mock.requests).toHaveLength(0);
  });

  it('turns a 200 with status.success=false into a ProviderError carrying status_code and message', async () => {
    mock.simulators.finerworks.endpointAuthorized = false;
    const error = await client()
      .buyAccountCredits({ amount: 500, cart_id: 'c-2' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '403', status: 200, message: '403: Only authorized accounts may use this endpoint.' });
    expect(mock.simulators.finerworks.carts.size).toBe(0);
  });

  // The page: "this will only be accepted for accounts with permission to utilize this parameter, otherwise it
  // will be ignored and the request will based upon the user's api credentials".
  it('buys for the caller when the account_key is one the app may not use (ignored), and for the account when it may', async () => {
    const ignored = await client().buyAccountCredits({ amount: 500, cart_id: 'c-3', account_key: 'someone-else' });
    const forAccount = await client().buyAccountCredits({ amount: 300, cart_id: 'c-3', account_key: 'acct-authorized-1' });
    expect(ignored.status).toMatchObject({ success: true, status_code: 100 });
    expect(forAccount.status).toMatchObject({ success: true, status_code: 100 });
    expect(mock.simulators.finerworks.carts.get('c-3')).toEqual([
      { product_id: ignored.product_id, amount: 500 },
      { product_id: forAccount.product_id, amount: 300, account_key: 'acct-authorized-1' },
    ]);
    expect(JSON.parse(mock.requests[0]!.body)).toMatchObject({ account_key: 'someone-else' });
  });

  it('maps 401 to AuthenticationError without echoing the key', async () => {
    const wrongKey = 'ffffffff-wrong-key-value-000000000000';
    const error = await client({ appKey: wrongKey })
      .buyAccountCredits({ amount: 100, cart_id: 'c-3' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, provider: 'finerworks', operation: 'buyAccountCredits', message: '401 Authorization has been denied for this request.' });
    expect(JSON.stringify(error)).not.toContain(wrongKey);
    expect((error as AuthenticationError).headers).not.toHaveProperty('app_key');
  });

  it('fails at construction when a credential is missing, naming the option and the env var', () => {
    const saved = { ...process.env };
    delete process.env.FINERWORKS_WEB_API_KEY;
    delete process.env.FINERWORKS_APP_KEY;
    try {
      expect(() => createFinerWorksClient({ appKey: 'x' })).toThrow(ConfigurationError);
      expect(() => createFinerWorksClient({ appKey: 'x' })).toThrow(/webApiKey \(option `webApiKey` or env FINERWORKS_WEB_API_KEY\)/);
      // Its own class, naming only what is missing: a caller can prompt for exactly that.
      const error = catchError(() => createFinerWorksClient({ appKey: 'x' }));
      expect(error).toBeInstanceOf(MissingCredentialsError);
      expect(error).toMatchObject({ option: 'webApiKey', credentials: [{ option: 'webApiKey', env: 'FINERWORKS_WEB_API_KEY' }] });
    } finally {
      process.env = saved;
    }
  });

  it('reads credentials from FINERWORKS_WEB_API_KEY / FINERWORKS_APP_KEY', async () => {
    const saved = { ...process.env };
    process.env.FINERWORKS_WEB_API_KEY = mock.credentials.finerworks.webApiKey;
    process.env.FINERWORKS_APP_KEY = mock.credentials.finerworks.appKey;
    try {
      const result = await createFinerWorksClient({ baseUrl: mock.url('finerworks') }).buyAccountCredits({ amount: 100, cart_id: 'env' });
      expect(result.status.success).toBe(true);
    } finally {
      process.env = saved;
    }
  });

  it('picks the test host by default and the production host on request', async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(request.url);
      return Response.json({ product_id: 1, status: { success: true, status_code: 100 } });
    };
    const keys = { webApiKey: 'k1-aaaaaaaa', appKey: 'k2-bbbbbbbb', fetch: fetch as typeof globalThis.fetch };
    await createFinerWorksClient(keys).buyAccountCredits({ amount: 100, cart_id: 'x' });
    await createFinerWorksClient({ ...keys, environment: 'production' }).buyAccountCredits({ amount: 100, cart_id: 'x' });
    expect(seen).toEqual(['https://test-api.finerworks.com/v3/buy_account_credits', 'https://api.finerworks.com/v3/buy_account_credits']);
  });

  it('is reachable through the registry by id', async () => {
    const registry = createRegistry([provider]);
    const fw = registry.client('finerworks', { ...mock.credentials.finerworks, baseUrl: mock.url('finerworks') });
    await expect(fw.buyAccountCredits({ amount: 5000, cart_id: 'r' })).resolves.toMatchObject({ status: { success: true } });
    expect(registry.providers.map((p) => p.id)).toEqual(['finerworks']);
  });

  it('reports the server-side model validation when a request bypasses the client rules', async () => {
    const res = await fetch(`${mock.url('finerworks')}/v3/buy_account_credits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', web_api_key: mock.credentials.finerworks.webApiKey, app_key: mock.credentials.finerworks.appKey },
      body: JSON.stringify({ amount: 99 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      Message: 'The request is invalid.',
      ModelState: { amount: ['The field amount must be between 100 and 5000.'], cart_id: ['The cart_id field is required.'] },
    });
  });
});

function catchError(construct: () => unknown): unknown {
  try {
    construct();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
