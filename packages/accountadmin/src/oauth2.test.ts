// OAuth2 client credentials against the simulated 2sms `/Token`, seen on the wire: the form-encoded grant,
// one token for many calls (and for concurrent ones), renewal before expiry, one refresh on a 401.
import { AuthenticationError } from '@creditkit/core';
import { describe, expect, it, vi } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { type AccountAdminClientOptions, createAccountAdminClient } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });

const client = (overrides: AccountAdminClientOptions = {}) =>
  createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), ...overrides });
const buy = { Billing: { Email: 'a@example.com' } };
/** `T` for a token request, `P` for a purchase, in wire order. */
const wire = () => mock.requests.map((r) => (r.path === '/Token' ? 'T' : 'P')).join('');
const bearer = (i: number) => mock.requests.filter((r) => r.path !== '/Token')[i]!.headers.authorization;

describe('2sms OAuth2 client credentials', () => {
  it('asks for a token with a form-encoded client_credentials grant', async () => {
    await client().purchaseCredits(buy);
    const [token] = mock.requests;
    expect(token).toMatchObject({ method: 'POST', path: '/Token' });
    expect(token!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: mock.credentials.accountadmin.clientId,
      client_secret: mock.credentials.accountadmin.clientSecret,
    });
    expect(token!.headers.authorization).toBeUndefined();
  });

  it('reuses one token for later calls', async () => {
    const aa = client();
    for (let i = 0; i < 3; i++) await aa.purchaseCredits(buy);
    expect(wire()).toBe('TPPP');
    expect(new Set([bearer(0), bearer(1), bearer(2)]).size).toBe(1);
  });

  it('shares one token request between concurrent calls', async () => {
    const aa = client();
    await Promise.all([aa.purchaseCredits(buy), aa.purchaseCredits(buy), aa.purchaseCredits(buy)]);
    expect(wire()).toBe('TPPP');
  });

  it('renews the token shortly before expires_in runs out, without a 401 first', async () => {
    mock.simulators.accountadmin.tokenLifetimeSeconds = 120;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const aa = client();
      await aa.purchaseCredits(buy);
      vi.setSystemTime(Date.now() + 50_000);
      await aa.purchaseCredits(buy);
      // Past expires_in minus the safety margin, though the server would still accept the old token.
      vi.setSystemTime(Date.now() + 20_000);
      await aa.purchaseCredits(buy);
    } finally {
      vi.useRealTimers();
    }
    expect(wire()).toBe('TPPTP');
    expect(bearer(2)).not.toBe(bearer(1));
  });

  it('refreshes once when the API answers 401 to a token it revoked, and retries the same purchase', async () => {
    const aa = client();
    await aa.purchaseCredits(buy);
    mock.simulators.accountadmin.revokeTokens();
    const result = await aa.purchaseCredits({ ...buy, PurchaseID: '3f1c2b9a-0d4e-4f5a-8b6c-7d8e9f0a1b2c' });
    expect(wire()).toBe('TPPTP');
    expect(bearer(2)).not.toBe(bearer(1));
    const [refused, retried] = mock.requests.slice(2).filter((r) => r.path !== '/Token');
    expect(retried!.body).toBe(refused!.body);
    expect(result.ResponseData?.Result).toBe('Success');
    expect(mock.simulators.accountadmin.purchases.size).toBe(2);
  });

  it.each(['json', 'xml'] as const)('refreshes only once: a token refused twice ends as AuthenticationError (%s)', async (format) => {
    mock.simulators.accountadmin.tokenLifetimeSeconds = 0;
    const error = await client({ format }).purchaseCredits(buy).catch((e: unknown) => e);
    expect(wire()).toBe('TPTP');
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, message: '401 Authorization has been denied for this request.', body: { Message: 'Authorization has been denied for this request.' } });
  });

  it('reports refused client credentials as AuthenticationError, without the secret and without buying', async () => {
    const wrong = 'wrong-2sms-secret-value-9999';
    const error = await client({ clientSecret: wrong }).purchaseCredits(buy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, message: '400 token request refused: invalid_client' });
    expect(wire()).toBe('T');
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect(String(error)).not.toContain(wrong);
  });
});
