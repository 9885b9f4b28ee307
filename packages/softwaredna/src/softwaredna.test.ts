import { ApiError, AuthenticationError, ConfigurationError, NotFoundError, PermissionDeniedError, RateLimitError, type Transport, UnsupportedRuntimeError, ValidationError } from '@creditkit/core';
import { base64, createClient } from '@creditkit/core/internal';
import { nodeHttpTransport } from '@creditkit/core/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
// What `@creditkit/core/node` resolves to in a browser bundle, and a client built from the same sources.
import { nodeHttpTransport as browserTransport } from '@creditkit/core/node/browser';
import { operations, spec } from './generated/provider.js';
import { createSoftwareDnaClient, type QueryCreditsInput } from './index.js';

// The simulator's clock runs with real time (rate-limit waits are real) and can jump ahead (lockouts).
let clockOffset = 0;
const mock = useMockServer({ providers: ['softwaredna'], now: () => Date.now() + clockOffset });
beforeEach(() => {
  clockOffset = 0;
});

const client = (overrides: Parameters<typeof createSoftwareDnaClient>[0] = {}) =>
  createSoftwareDnaClient({ ...mock.credentials.softwaredna, baseUrl: mock.url('softwaredna'), ...overrides });
const fail = (p: Promise<unknown>) => p.then(() => expect.fail('expected the call to fail'), (e: unknown) => e);
const query = (overrides: Partial<QueryCreditsInput> = {}): QueryCreditsInput => ({ productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9', ...overrides });

describe('software_DNA queryCredits', () => {
  it('sends a GET whose JSON body the server receives, with Basic base64(clientId:apiKey)', async () => {
    const credits = await client().queryCredits(query({ Test: true }));

    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: 'GET', path: '/v1/credits/P0001234/TEST12345', query: {} });
    const { clientId, apiKey } = mock.credentials.softwaredna;
    expect(sent!.headers.authorization).toBe(`Basic ${Buffer.from(`${clientId}:${apiKey}`).toString('base64')}`);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent!.body)).toEqual({ Target: 'LICENSE', UserIp: '203.0.113.9', Test: true });
    expect(credits).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }]);
  });

  it('filters by Target: the license, its buyer email, or both', async () => {
    const dna = client();
    const license = 'K7Q2W3E4R5T6Y8U9';
    await expect(dna.queryCredits(query({ licenseId: license, Target: 'LICENSE' }))).resolves.toEqual([
      { Target: 'LICENSE', Name: 'Reports', Count: 1 },
      { Target: 'LICENSE', Name: 'Exports', Count: 3 },
    ]);
    await expect(dna.queryCredits(query({ licenseId: license, Target: 'EMAIL' }))).resolves.toEqual([{ Target: 'EMAIL', Name: 'Reports', Count: 2 }]);
    await expect(dna.queryCredits(query({ Target: 'ALL', UserIp: '2001:db8::7' }))).resolves.toEqual([
      { Target: 'LICENSE', Name: 'Reports', Count: 5 },
      { Target: 'EMAIL', Name: 'Reports', Count: 2 },
    ]);
    expect(mock.requests.map((r) => JSON.parse(r.body).Target)).toEqual(['LICENSE', 'EMAIL', 'ALL']);
  });

  it('returns Count as a number when the server sends it as a numeric string', async () => {
    mock.simulators.softwaredna.settings.countAsString = true;
    const seen: string[] = [];
    // Observe the raw wire answer through a transport wrapping node:http, then the decoded result.
    const spy: Transport = async (request, ctx, config) => {
      const response = await nodeHttpTransport(request, ctx, config);
      seen.push(new TextDecoder().decode(response.body));
      return response;
    };
    const credits = await client({ transport: spy }).queryCredits(query({ Target: 'ALL' }));
    expect(JSON.parse(seen[0]!)).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: '5' }, { Target: 'EMAIL', Name: 'Reports', Count: '2' }]);
    expect(credits).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }, { Target: 'EMAIL', Name: 'Reports', Count: 2 }]);
  });

  it('rejects a malformed UserIp and an unknown Target before sending anything', async () => {
    const error = await fail(client().queryCredits(query({ UserIp: '203.0.113.300', Target: 'BOTH' as never })));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'Target', rule: 'enum', message: 'Target must be one of LICENSE, EMAIL, ALL; got "BOTH"' },
      { path: 'UserIp', rule: 'anyOf', message: 'UserIp must be a valid ipv4 or a valid ipv6; got "203.0.113.300"' },
    ]);
    expect(mock.requests).toHaveLength(0);
  });

  it('maps the documented {"Message"} errors: 400 bad product id, 404 unknown license', async () => {
    const badFormat = await fail(client().queryCredits(query({ productId: 'X-1234' })));
    expect(badFormat).toBeInstanceOf(ApiError);
    expect(badFormat).toMatchObject({ status: 400, message: '400 Invalid ProductId format', body: { Message: 'Invalid ProductId format' } });

    const unknown = await fail(client().queryCredits(query({ licenseId: 'NOPE00000000000' })));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({ status: 404, message: '404 LicenseId NOPE00000000000 not found for ProductId P0001234' });
    expect(mock.requests).toHaveLength(2);
  });

  it('maps bad Basic credentials to AuthenticationError and never echoes the key', async () => {
    const wrongKey = 'WRONGDNAAPIKEY0000000001';
    const error = await fail(client({ apiKey: wrongKey }).queryCredits(query()));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, message: '401 Authorization has been denied for this request.' });
    for (const secret of [wrongKey, base64(`${mock.credentials.softwaredna.clientId}:${wrongKey}`)]) {
      expect(JSON.stringify(error)).not.toContain(secret);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('waits X-RateLimit-Reset seconds when that fits the retry budget, then succeeds', async () => {
    Object.assign(mock.simulators.softwaredna.settings, { requestsPerPeriod: 1, periodMs: 1000 });
    const log: { event: string; waitMs?: number }[] = [];
    const dna = client({ logger: (line) => log.push(line), logLevel: 'info' });
    await dna.queryCredits(query());
    await expect(dna.queryCredits(query({ Target: 'EMAIL' }))).resolves.toEqual([{ Target: 'EMAIL', Name: 'Reports', Count: 2 }]);

    expect(log.filter((l) => l.event === 'retry.scheduled').map((l) => l.waitMs)).toEqual([1000]);
    expect(mock.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('fails fast with RateLimitError (retryAfterMs = reset seconds * 1000) when the wait exceeds the budget', async () => {
    Object.assign(mock.simulators.softwaredna.settings, { requestsPerPeriod: 1, periodMs: 60_000 });
    const log: { event: string }[] = [];
    const dna = client({ retry: { maxRetryAfterMs: 5000 }, logger: (line) => log.push(line), logLevel: 'info' });
    await dna.queryCredits(query());
    const error = await fail(dna.queryCredits(query()));

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 60_000, headers: expect.objectContaining({ 'x-ratelimit-reset': '60' }) });
    expect(log.map((l) => l.event)).toContain('retry.hint-exceeds-budget');
    expect(mock.requests).toHaveLength(2);
  });

  it('locks an IP out after repeated invalid attempts and lets it back in after the cooling period', async () => {
    Object.assign(mock.simulators.softwaredna.settings.lockout, { maxInvalidAttempts: 3, windowMs: 60_000, coolingMs: 300_000 });
    const dna = client();
    const guesser = '198.51.100.23';
    for (const licenseId of ['GUESS1', 'GUESS2', 'GUESS3']) {
      await expect(dna.queryCredits(query({ licenseId, UserIp: guesser }))).rejects.toBeInstanceOf(NotFoundError);
    }
    const locked = await fail(dna.queryCredits(query({ UserIp: guesser })));
    expect(locked).toBeInstanceOf(PermissionDeniedError);
    expect((locked as PermissionDeniedError).message).toBe(`403 Too many invalid attempts from ${guesser}: locked out for 300 more seconds`);
    // Another end user is not affected.
    await expect(dna.queryCredits(query({ UserIp: '203.0.113.10' }))).resolves.toHaveLength(1);

    clockOffset += 300_000;
    expect(mock.simulators.softwaredna.lockoutRemainingMs(guesser)).toBe(0);
    await expect(dna.queryCredits(query({ UserIp: guesser }))).resolves.toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }]);
  });

  it('in a browser bundle refuses with an UnsupportedRuntimeError before anything is sent', async () => {
    const browserClient = createClient({ spec, operations, transport: browserTransport }, { ...mock.credentials.softwaredna, baseUrl: mock.url('softwaredna') });
    const error = await fail(browserClient.call(operations.queryCredits, query()));
    expect(error).toBeInstanceOf(UnsupportedRuntimeError);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/queryCredits sends a JSON body on GET, which only Node's http module can do/);
    expect(mock.requests).toHaveLength(0);
  });

  it('reads clientId and apiKey from SOFTWAREDNA_CLIENT_ID / SOFTWAREDNA_API_KEY, naming both when missing', async () => {
    const saved = { ...process.env };
    try {
      delete process.env.SOFTWAREDNA_CLIENT_ID;
      delete process.env.SOFTWAREDNA_API_KEY;
      expect(() => createSoftwareDnaClient()).toThrow(
        /clientId \(option `clientId` or env SOFTWAREDNA_CLIENT_ID\) and apiKey \(option `apiKey` or env SOFTWAREDNA_API_KEY\)/,
      );
      process.env.SOFTWAREDNA_CLIENT_ID = mock.credentials.softwaredna.clientId;
      process.env.SOFTWAREDNA_API_KEY = mock.credentials.softwaredna.apiKey;
      await expect(createSoftwareDnaClient({ baseUrl: mock.url('softwaredna') }).queryCredits(query())).resolves.toHaveLength(1);
    } finally {
      process.env = saved;
    }
  });
});
