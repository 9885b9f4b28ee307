// Faults on the token endpoint, not the purchase: a token answer cut off, garbled or replaced by an HTML page,
// a rate-limited `/Token`, and a slow one that the caller cancels or the call's deadline ends. None may escape
// the typed errors, pass for refused credentials, or outlast the caller's patience; none buys anything twice.
import { AbortedError, TimeoutError } from '@creditkit/core';
import type { Fault } from '@creditkit/mock';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { type AccountAdminClientOptions, createAccountAdminClient } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });

const client = (overrides: AccountAdminClientOptions = {}) =>
  createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...overrides });
const buy = { Billing: { Email: 'a@example.com' } };
const onToken = (fault: Fault) => mock.faults.add({ provider: 'accountadmin', path: '/Token', fault });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);

describe('2sms token endpoint faults', () => {
  it.each<[string, Fault]>([
    ['cut off mid-body', { kind: 'truncate-after' }],
    ['rate limited (429 with a hint)', { kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } }],
    ['garbled (a 200 that is no token answer)', { kind: 'malformed-after' }],
    ['replaced by an HTML page', { kind: 'content-type', contentType: 'text/html', body: '<html><body>Service Unavailable</body></html>' }],
    ['past maxResponseBytes (read by the client transport, under its bound)', { kind: 'oversize', bytes: 64 * 1024 }],
  ])('retries a token answer %s, then buys once', async (_name, fault) => {
    onToken(fault);
    await expect(client({ maxResponseBytes: 16 * 1024 }).purchaseCredits(buy)).resolves.toMatchObject({ ResponseData: { Result: 'Success' } });
    expect(mock.requests.map((r) => r.path)).toEqual(['/Token', '/Token', '/api/v1/AccountAdminAPI/PurchaseCredits']);
    expect(mock.simulators.accountadmin.purchases.size).toBe(1);
  });

  it("ends the wait for a slow token at once on the caller's abort", async () => {
    onToken({ kind: 'latency', ms: 1500 });
    const aborter = new AbortController();
    setTimeout(() => aborter.abort(), 50);
    const started = performance.now();
    expect(await fail(client().purchaseCredits(buy, { signal: aborter.signal }))).toBeInstanceOf(AbortedError);
    expect(performance.now() - started).toBeLessThan(500);
    expect(mock.simulators.accountadmin.purchases.size).toBe(0);
  });

  it('ends the wait for a slow token at the call deadline', async () => {
    onToken({ kind: 'latency', ms: 1500 });
    const started = performance.now();
    const error = await fail(client({ totalTimeoutMs: 150 }).purchaseCredits(buy));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'total' });
    expect(performance.now() - started).toBeLessThan(600);
  });
});
