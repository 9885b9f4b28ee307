// ztime must be within 5 s of Safe Creative's clock. Against a simulator whose clock is skewed, the client
// is refused once with InvalidTime, reads the server clock (unsigned), keeps the offset and succeeds.
import { ProviderError } from '@creditkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createSafeCreativeClient, type SafeCreativeClientOptions } from './index.js';

let skewMs = 0;
const mock = useMockServer({ providers: ['safecreative'], now: () => Date.now() + skewMs });
afterEach(() => {
  skewMs = 0;
});

const client = (overrides: SafeCreativeClientOptions = {}) => createSafeCreativeClient({ ...mock.credentials.safecreative, baseUrl: mock.url('safecreative'), ...overrides });
const components = () => mock.requests.map((r) => r.query.component);

describe('Safe Creative ztime', () => {
  it.each([60_000, -3_600_000])('resynchronises with a server clock %i ms away, then keeps the offset', async (skew) => {
    skewMs = skew;
    const lines: { event: string; offsetMs?: number }[] = [];
    const sc = client({ logger: (line) => lines.push(line) });

    const sale = await sc.userNewSale({ service: 'PROFESSIONAL' });
    expect(sale.status).toBe('PAYMENT_PENDING');
    expect(components()).toEqual(['user.newsale', 'ztime', 'user.newsale']);
    const [refused, clock, accepted] = mock.requests;
    // The clock is read unsigned; the retry is signed anew with a ztime the server accepts.
    expect(clock!.query).toEqual({ component: 'ztime' });
    expect(Math.abs(Number(refused!.query.ztime) + skew - Number(accepted!.query.ztime))).toBeLessThan(5000);
    expect(accepted!.query.signature).not.toBe(refused!.query.signature);
    expect(Math.abs(lines.find((l) => l.event === 'auth.ztime-resync')!.offsetMs! - skew)).toBeLessThan(5000);
    expect(mock.simulators.safecreative.sales.size).toBe(1);

    await sc.userNewSale({ service: 'CORPORATE' });
    expect(components()).toEqual(['user.newsale', 'ztime', 'user.newsale', 'user.newsale']);
  });

  it('does not read the clock while ztime is accepted', async () => {
    skewMs = 3000;
    await client().userNewSale({ service: 'PROFESSIONAL' });
    expect(components()).toEqual(['user.newsale']);
  });

  it('leaves InvalidTime as a ProviderError when the server clock cannot be read', async () => {
    skewMs = 60_000;
    mock.faults.add({ provider: 'safecreative', skip: 1, fault: { kind: 'status', status: 503, headers: { 'content-type': 'text/html' }, body: '<html>busy</html>' } });
    const error = await client().userNewSale({ service: 'PROFESSIONAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'InvalidTime', message: 'InvalidTime: The request ztime parameter is not correct' });
    expect(components()).toEqual(['user.newsale', 'ztime']);
    expect(mock.simulators.safecreative.sales.size).toBe(0);
  });
});
