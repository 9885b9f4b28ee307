// The 2sms token request against a hostile or slow /Token: a redirect must not re-post client_secret to the
// host it names, a token that cannot be a header value is a typed refusal that never quotes it, and the shared
// token fetch runs under the client's timeout, not under the first waiting call's.
import { ApiError, AuthenticationError } from '@creditkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawServer, startRawServer, useMockServer } from '@creditkit/test-support';
import { type AccountAdminClientOptions, createAccountAdminClient } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });
let elsewhere: RawServer;
beforeAll(async () => {
  elsewhere = await startRawServer();
  elsewhere.answer({ bytes: 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 55\r\n\r\n{"access_token":"evil-token","expires_in":3600,"x":"yy"}' });
});
afterAll(() => elsewhere.close());

const client = (overrides: AccountAdminClientOptions = {}) =>
  createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...overrides });
const buy = { Billing: { Email: 'a@example.com' } };
const settle = (p: Promise<unknown>) => p.then((value) => ({ value, error: undefined as unknown }), (error: unknown) => ({ value: undefined, error }));

const VARIANTS: readonly (readonly [string, AccountAdminClientOptions])[] = [
  ['node:http', {}],
  ['the fetch option', { fetch: (input, init) => globalThis.fetch(input, init) }],
];

describe.each(VARIANTS)('2sms /Token over %s', (_name, options) => {
  it.each([307, 308, 302])('does not follow a %i: client_secret is never posted to the host it names', async (status) => {
    mock.faults.add({ provider: 'accountadmin', path: '/Token', fault: { kind: 'status', status, headers: { location: `${elsewhere.url}/Token?via=redirect` } } });
    const { error } = await settle(client(options).purchaseCredits(buy));
    expect(elsewhere.requests).toEqual([]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status });
    expect((error as Error).message).toContain(`redirect to ${elsewhere.url} refused`);
    expect(JSON.stringify(error)).not.toContain(mock.credentials.accountadmin.clientSecret);
    expect(JSON.stringify(error)).not.toContain('via=redirect');
    // Not bought, and no token request went out again to be redirected again.
    expect(mock.requests.map((r) => r.path)).toEqual(['/Token']);
    expect(mock.simulators.accountadmin.purchases.size).toBe(0);
  });

  it.each([
    ['a CR LF', 'tok-abc\r\nx-injected: 1'],
    ['a NUL', 'tok-abc\u0000def'],
    ['a character beyond U+00FF', 'tok-abc€'],
  ])('refuses a server-issued token with %s as an AuthenticationError that does not quote it', async (_case, token) => {
    mock.faults.add({
      provider: 'accountadmin', path: '/Token',
      fault: { kind: 'content-type', contentType: 'application/json', body: JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: 3600 }) },
    });
    const { error } = await settle(client(options).purchaseCredits(buy));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('access_token that cannot be sent in an Authorization header');
    expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain('tok-abc');
    expect(mock.simulators.accountadmin.purchases.size).toBe(0);
  });
});

describe('the shared token fetch', () => {
  it("runs under the client's timeout: one caller's 50 ms does not fail twenty others that allow 10 s", async () => {
    mock.faults.add({ provider: 'accountadmin', path: '/Token', fault: { kind: 'latency', ms: 300 } });
    const aa = client({ timeoutMs: 10_000 });
    const hasty = settle(aa.purchaseCredits(buy, { timeoutMs: 50 }));
    await new Promise((r) => setTimeout(r, 10));
    const patient = await Promise.all(Array.from({ length: 20 }, () => settle(aa.purchaseCredits(buy, { timeoutMs: 10_000, maxRetries: 0 }))));
    expect(patient.map((p) => p.error)).toEqual(Array(20).fill(undefined));
    expect(patient.map((p) => p.value)).toEqual(Array(20).fill(expect.objectContaining({ ResponseData: expect.objectContaining({ Result: 'Success' }) })));
    // One token request served them all; the hasty caller gave up on its own.
    expect(mock.requests.filter((r) => r.path === '/Token')).toHaveLength(1);
    expect((await hasty).error).toBeDefined();
  });
});

describe('a token request under a limit longer than a timer holds', () => {
  it.each([Number.POSITIVE_INFINITY, 3_000_000_000])('with timeoutMs %s gets its token and buys once', async (timeoutMs) => {
    await expect(client({ timeoutMs }).purchaseCredits(buy)).resolves.toMatchObject({ ResponseData: { Result: 'Success' } });
    expect(mock.simulators.accountadmin.purchases.size).toBe(1);
  });
});
