// What the signer takes as an InvalidTime refusal, and what it does not: only a 2xx `<error>` whose id is
// InvalidTime leads to a clock read and a second, re-signed sale. Anything else that merely looks like it is
// answered as it is, sent once. And the clock read itself: unsigned, asking for XML, believed only when sane.
import { AbortedError, ProviderError, Secrets, ServerError } from '@creditkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createSafeCreativeClient, type SafeCreativeClientOptions } from './index.js';
import { signedQueryAuthorizer } from './signed-query.js';

let skewMs = 0;
const mock = useMockServer({ providers: ['safecreative'], now: () => Date.now() + skewMs });
afterEach(() => {
  skewMs = 0;
});
const client = (o: SafeCreativeClientOptions = {}) => createSafeCreativeClient({ ...mock.credentials.safecreative, baseUrl: mock.url('safecreative'), maxRetries: 0, ...o });
const components = () => mock.requests.map((r) => r.query.component);
const settle = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const xml = (body: string) => ({ 'content-type': 'application/xml' as const, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` });
/** The sale answered with this status and body, instead of by the simulator. */
const answer = (status: number, body: string, skip = 0) => {
  const { 'content-type': type, body: text } = xml(body);
  mock.faults.add({ provider: 'safecreative', skip, times: 1, fault: { kind: 'status', status, headers: { 'content-type': type }, body: text } });
};
const INVALID_TIME = '<error><errorId>InvalidTime</errorId><errorMessage>The request ztime parameter is not correct</errorMessage></error>';

describe('what counts as an InvalidTime refusal', () => {
  it('a 500 whose body says InvalidTime is a server error: no clock read, the sale is not sent again', async () => {
    answer(500, INVALID_TIME);
    const error = await settle(client().userNewSale({ service: 'PROFESSIONAL' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(components()).toEqual(['user.newsale']);
  });

  it('another refusal that mentions InvalidTime in its message is that refusal, sent once', async () => {
    answer(200, '<error><errorId>InvalidParameter</errorId><errorMessage>InvalidTime is not a service</errorMessage></error>');
    const error = await settle(client().userNewSale({ service: 'PROFESSIONAL' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'InvalidParameter' });
    expect(components()).toEqual(['user.newsale']);
  });

  it('the real refusal is followed by an unsigned clock read asking for XML, a re-signed sale, and a log line', async () => {
    skewMs = 30_000;
    const lines: { level: string; event: string; offsetMs?: number }[] = [];
    await expect(client({ logger: (l) => lines.push(l) }).userNewSale({ service: 'PROFESSIONAL' })).resolves.toMatchObject({ status: 'PAYMENT_PENDING' });
    expect(components()).toEqual(['user.newsale', 'ztime', 'user.newsale']);
    expect(mock.requests[1]!.headers.accept).toBe('application/xml');
    expect(lines.filter((l) => l.event === 'auth.ztime-resync').map((l) => l.level)).toEqual(['info']);
  });
});

describe('the clock read is believed only when sane', () => {
  it.each([
    ['a 500 that carries a ztime', 500, '<ztime>1271749821453</ztime>'],
    ['an infinite ztime', 200, '<ztime>INF</ztime>'],
    ['a ztime that is not a number', 200, '<ztime>soon</ztime>'],
    ['a nil ztime', 200, '<ztime xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'],
    ['a number under another element name', 200, '<time>1271749821453</time>'],
  ])('%s: the refusal stands, the sale is not sent again', async (_name, status, body) => {
    skewMs = 30_000;
    answer(status, body, 1);
    const error = await settle(client().userNewSale({ service: 'PROFESSIONAL' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'InvalidTime' });
    expect(components()).toEqual(['user.newsale', 'ztime']);
    expect(mock.simulators.safecreative.sales.size).toBe(0);
  });

  it("the caller's abort while the clock is read ends the call as aborted, not as the refusal", async () => {
    skewMs = 30_000;
    mock.faults.add({ provider: 'safecreative', skip: 1, times: 1, fault: { kind: 'latency', ms: 1000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const error = await settle(client().userNewSale({ service: 'PROFESSIONAL' }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(mock.simulators.safecreative.sales.size).toBe(0);
  });
});

describe('the signing step itself', () => {
  it('is the authorize stage of every attempt, between serialize and send', () => {
    const { authorize, stages } = client().describe();
    expect(authorize).toEqual(['auth:signedQuery']);
    expect(stages.indexOf('authorize')).toBeGreaterThan(stages.indexOf('serialize'));
    expect(stages.indexOf('authorize')).toBeLessThan(stages.indexOf('send'));
  });

  it('replaces an authkey, ztime or signature already in the URL, and never signs them', async () => {
    const authorizer = signedQueryAuthorizer({ authkey: 'mine', privateKey: 'secret-key', sendShared: () => Promise.reject(new Error('no clock read here')) });
    const ctx = { codecs: {}, signal: undefined, options: { timeoutMs: 1000 }, secrets: new Secrets(), operation: { responseShape: undefined }, log: () => {} };
    const signed = await authorizer.authorize({ method: 'GET', url: 'https://sc.example/v2/?component=user.newsale&authkey=theirs&ztime=1&signature=forged', headers: {} }, ctx as never);
    const sent = new URL(signed.url);
    expect(sent.searchParams.getAll('authkey')).toEqual(['mine']);
    expect(sent.searchParams.getAll('signature')).toHaveLength(1);
    expect(sent.searchParams.get('signature')).not.toBe('forged');
    expect(sent.searchParams.getAll('ztime')).toHaveLength(1);
    expect(sent.searchParams.get('ztime')).not.toBe('1');
    expect([...sent.searchParams.keys()]).toEqual(['authkey', 'component', 'ztime', 'signature']);
  });
});

describe('how long a signature stays scrubbed from errors and logs', () => {
  const NOW = 1_700_000_000_000;
  /** The time-to-live the signer gives the signature it sends, for an attempt with these limits. */
  async function ttlFor(timeoutMs: number, deadline?: number): Promise<number> {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    try {
      const secrets = new Secrets();
      const added = vi.spyOn(secrets, 'addTemporary');
      const authorizer = signedQueryAuthorizer({ authkey: 'a', privateKey: 'p', sendShared: () => Promise.reject(new Error('unused')) });
      const ctx = { codecs: {}, signal: undefined, deadline, options: { timeoutMs }, secrets, operation: { responseShape: undefined }, log: () => {} };
      await authorizer.authorize({ method: 'GET', url: 'https://sc.example/v2/?component=user.newsale', headers: {} }, ctx as never);
      expect(added).toHaveBeenCalledTimes(1);
      return added.mock.calls[0]![1];
    } finally {
      vi.restoreAllMocks();
    }
  }

  it.each([
    ['the attempt timeout, plus a 10 s margin', 1000, undefined, 11_000],
    ['what is left of the call when that is shorter', 1000, NOW + 400, 10_400],
    ['the attempt timeout when the call has longer left', 1000, NOW + 5000, 11_000],
    ['at most 10 minutes (plus the margin) for a long timeout', 3_600_000, undefined, 610_000],
    ['10 minutes (plus the margin) when there is no limit', Number.POSITIVE_INFINITY, undefined, 610_000],
    ['10 minutes (plus the margin) when the call is already past its deadline', 1000, NOW - 5, 610_000],
    ['10 minutes (plus the margin) for a zero limit', 0, undefined, 610_000],
  ])('lasts %s', async (_name, timeoutMs, deadline, expected) => {
    expect(await ttlFor(timeoutMs, deadline)).toBe(expected);
  });
});
