// The clock read after InvalidTime is shared by concurrent calls. When it is slow, each call waits only as long
// as its own attempt may: one that gives up keeps its InvalidTime answer (a refusal: nothing was bought), and
// no call ever fails with another call's timeout (it used to get the other's bare abort reason, a Symbol).
import { DecodeError, OutcomeUnknownError, ProviderError } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createSafeCreativeClient } from './index.js';

// Ten seconds ahead: every signed call is refused with InvalidTime until the client reads the clock.
const mock = useMockServer({ providers: ['safecreative'], now: () => Date.now() + 10_000 });

const client = () => createSafeCreativeClient({ ...mock.credentials.safecreative, baseUrl: mock.url('safecreative') });
const sale = { service: 'PROFESSIONAL' } as const;
/** The first request (a signed call, refused) passes; the next one, the clock read, is slow. */
const slowClockRead = () => mock.faults.add({ provider: 'safecreative', skip: 1, times: 1, fault: { kind: 'latency', ms: 1500 } });
const settle = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('Safe Creative clock read under faults', () => {
  it('keeps the InvalidTime refusal when the attempt ends while reading the clock, not an unknown outcome', async () => {
    slowClockRead();
    const error = await settle(client().userNewSale(sale, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'InvalidTime' });
    expect(mock.simulators.safecreative.sales.size).toBe(0);
  });

  it("reads the clock under the client's timeout: one call's short timeout does not fail the calls waiting with more", async () => {
    slowClockRead();
    const sc = client();
    const hasty = settle(sc.userNewSale(sale, { timeoutMs: 300 }));
    // Start once the hasty call is reading the clock, and wait on that read (it used to end at the hasty call's
    // timeout, leaving every waiting call with InvalidTime).
    while (!mock.requests.some((r) => r.query.component === 'ztime')) await new Promise((r) => setTimeout(r, 5));
    const patient = await Promise.all(Array.from({ length: 5 }, () => settle(sc.userNewSale(sale, { timeoutMs: 5000 }))));
    expect(await hasty).toBeInstanceOf(ProviderError);
    expect(patient).toEqual(Array(5).fill(undefined));
    expect(mock.simulators.safecreative.sales.size).toBe(5);
    expect(mock.requests.filter((r) => r.query.component === 'ztime')).toHaveLength(1);
  });

  it('does not take a refusal garbled with bytes that are not UTF-8 as proof: the sale ends in doubt, not sent again', async () => {
    // The InvalidTime answer comes back with invalid UTF-8 in it: read leniently it would still say InvalidTime.
    mock.faults.add({ provider: 'safecreative', times: 1, fault: { kind: 'invalid-utf8' } });
    const error = await settle(client().userNewSale(sale));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(DecodeError);
    expect(mock.requests.map((r) => r.query.component)).toEqual(['user.newsale']);
  });
});
