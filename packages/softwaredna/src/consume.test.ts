// software_DNA consumeCredits on the wire: a POST with a JSON body and Basic auth, taking credits from the same
// ledger the query reads. It is not idempotent: after an answer that may follow the credits being taken, it is
// never sent again, and with an intent a later call replays what is known instead of consuming twice.
import { AuthenticationError, memoryStore, NotFoundError, OutcomeUnknownError, PermissionDeniedError, ServerError, ValidationError } from '@creditkit/core';
import { useMockServer } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type ConsumeCreditsInput, createSoftwareDnaClient } from './index.js';

const mock = useMockServer({ providers: ['softwaredna'] });
const client = (overrides: Parameters<typeof createSoftwareDnaClient>[0] = {}) =>
  createSoftwareDnaClient({ ...mock.credentials.softwaredna, baseUrl: mock.url('softwaredna'), ...overrides });
const fail = (p: Promise<unknown>) => p.then((r) => expect.unreachable(`resolved to ${JSON.stringify(r)}`), (e: unknown) => e);
const consume = (overrides: Partial<ConsumeCreditsInput> = {}): ConsumeCreditsInput => ({
  productId: 'P0001234',
  licenseId: 'TEST12345',
  Name: 'Reports',
  Count: 2,
  Target: 'LICENSE',
  UserIp: '203.0.113.9',
  ...overrides,
});
const query = { productId: 'P0001234', licenseId: 'TEST12345', Target: 'ALL', UserIp: '203.0.113.9' } as const;
const onConsume = (fault: Parameters<typeof mock.faults.add>[0]['fault']) => mock.faults.add({ provider: 'softwaredna', path: 'consume', fault });

describe('software_DNA consumeCredits', () => {
  it('sends POST /v1/Credits/{productId}/{licenseId}/consume with Basic auth and the JSON body, and decodes the updated credit', async () => {
    const credits = await client().consumeCredits(consume({ Test: true, SendDnaEmail: false }));

    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/Credits/P0001234/TEST12345/consume', query: {} });
    const { clientId, apiKey } = mock.credentials.softwaredna;
    expect(sent!.headers.authorization).toBe(`Basic ${Buffer.from(`${clientId}:${apiKey}`).toString('base64')}`);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent!.body)).toEqual({ Name: 'Reports', Count: 2, Target: 'LICENSE', UserIp: '203.0.113.9', Test: true, SendDnaEmail: false });
    expect(credits).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 3 }]);
  });

  it('takes from the one ledger the query reads: for ALL, the license first, then the buyer email', async () => {
    const dna = client();
    await expect(dna.consumeCredits(consume({ Target: 'ALL', Count: 6 }))).resolves.toEqual([
      { Target: 'LICENSE', Name: 'Reports', Count: 0 },
      { Target: 'EMAIL', Name: 'Reports', Count: 1 },
    ]);
    await expect(dna.queryCredits(query)).resolves.toEqual([
      { Target: 'LICENSE', Name: 'Reports', Count: 0 },
      { Target: 'EMAIL', Name: 'Reports', Count: 1 },
    ]);
    // The email's credits are the buyer's: another license bought with it sees the same count.
    await expect(dna.queryCredits({ ...query, licenseId: 'K7Q2W3E4R5T6Y8U9', Target: 'EMAIL' })).resolves.toEqual([{ Target: 'EMAIL', Name: 'Reports', Count: 1 }]);
  });

  it('maps "did not have sufficient Credits" (403) to PermissionDeniedError, and takes nothing', async () => {
    const error = await fail(client().consumeCredits(consume({ Target: 'ALL', Count: 8 })));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, provider: 'softwaredna', operation: 'consumeCredits', message: '403 The ALL did not have sufficient Credits' });
    await expect(client().queryCredits(query)).resolves.toEqual([
      { Target: 'LICENSE', Name: 'Reports', Count: 5 },
      { Target: 'EMAIL', Name: 'Reports', Count: 2 },
    ]);
  });

  it.each([
    [{ Count: 20_001 }, 'Count', 'range', 'Count must be between 0 and 20000 (inclusive); got 20001'],
    [{ Count: -1 }, 'Count', 'range', 'Count must be between 0 and 20000 (inclusive); got -1'],
    [{ Count: 1.5 }, 'Count', 'type', 'Count must be of type integer; got 1.5'],
    [{ Name: '' }, 'Name', 'minLength', 'Name must be at least 1 characters; got 0'],
    [{ Target: 'BOTH' }, 'Target', 'enum', 'Target must be one of LICENSE, EMAIL, ALL; got "BOTH"'],
    [{ UserIp: 'localhost' }, 'UserIp', 'anyOf', 'UserIp must be a valid ipv4 or a valid ipv6; got "localhost"'],
  ])('refuses %j before sending anything, naming the field and the rule', async (bad, path, rule, message) => {
    const error = await fail(client().consumeCredits(consume(bad as Partial<ConsumeCreditsInput>)));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path, rule, message }]);
    expect(mock.requests).toHaveLength(0);
  });

  it('refuses a missing Name and Count together, and sends Count 0 and 20,000 (the inclusive bounds)', async () => {
    const { Name: _n, Count: _c, ...rest } = consume();
    const error = await fail(client().consumeCredits(rest as ConsumeCreditsInput));
    expect((error as ValidationError).issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['Name required', 'Count required']);
    await expect(client().consumeCredits(consume({ Count: 0 }))).resolves.toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }]);
    await expect(fail(client().consumeCredits(consume({ Count: 20_000 })))).resolves.toBeInstanceOf(PermissionDeniedError);
    expect(mock.requests).toHaveLength(2);
  });

  it('maps 401 and 404 to their classes without echoing the key', async () => {
    const wrongKey = 'WRONGDNAAPIKEY0000000001';
    const auth = await fail(client({ apiKey: wrongKey }).consumeCredits(consume()));
    expect(auth).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(auth)).not.toContain(wrongKey);
    const unknown = await fail(client().consumeCredits(consume({ licenseId: 'NOPE00000000000' })));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({ status: 404, message: '404 LicenseId NOPE00000000000 not found for ProductId P0001234' });
    expect(mock.simulators.softwaredna.consumptions).toHaveLength(0);
  });

  it('rides out a 429 refused before processing and consumes once', async () => {
    mock.faults.add({ provider: 'softwaredna', path: 'consume', fault: { kind: 'status', status: 429, headers: { 'X-RateLimit-Reset': '0' } } });
    await expect(client().consumeCredits(consume())).resolves.toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 3 }]);
    expect(mock.requests).toHaveLength(2);
    expect(mock.simulators.softwaredna.consumptions).toHaveLength(1);
  });

  it.each([
    ['a 500 after the credits were taken', { kind: 'status-after', status: 500 } as const, ServerError, {}],
    ['a dropped connection after processing', { kind: 'reset-after' } as const, OutcomeUnknownError, {}],
    ['an attempt timeout after processing', { kind: 'stall-after' } as const, OutcomeUnknownError, { timeoutMs: 300 }],
  ])('is never resent after %s: one request, credits taken once', async (_name, fault, type, options) => {
    onConsume(fault);
    const error = await fail(client({ maxRetries: 3, ...options }).consumeCredits(consume()));
    expect(error).toBeInstanceOf(type);
    expect(mock.requests).toHaveLength(1);
    expect(mock.simulators.softwaredna.consumptions).toHaveLength(1);
    expect(mock.simulators.softwaredna.licenses.get('P0001234/TEST12345')!.credits).toEqual({ Reports: 3 });
  });

  it('with an intent: an applied consume is replayed without sending, one in doubt is never resent', async () => {
    const store = memoryStore();
    const applied = await client({ store }).consumeCredits(consume(), { intentId: 'order-1' });
    await expect(client({ store }).consumeCredits(consume(), { intentId: 'order-1' })).resolves.toEqual(applied);
    expect(mock.requests).toHaveLength(1);

    onConsume({ kind: 'reset-after' });
    expect(await fail(client({ store }).consumeCredits(consume(), { intentId: 'order-2' }))).toBeInstanceOf(OutcomeUnknownError);
    expect(await fail(client({ store }).consumeCredits(consume(), { intentId: 'order-2' }))).toBeInstanceOf(OutcomeUnknownError);
    expect(mock.requests).toHaveLength(2);
    expect(mock.simulators.softwaredna.consumptions.map((c) => c.Count)).toEqual([2, 2]);
  });
});
