import { AlreadyAppliedError, ApiError, AuthenticationError, ConfigurationError, ConflictError, NotFoundError, RateLimitError, ValidationError } from '@creditkit/core';
import { base64 } from '@creditkit/core/internal';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createFusebillClient, type FusebillRateLimit, readRateLimit } from './index.js';

const mock = useMockServer({ providers: ['fusebill'] });

const client = (overrides: Parameters<typeof createFusebillClient>[0] = {}) =>
  createFusebillClient({ ...mock.credentials.fusebill, baseUrl: mock.url('fusebill'), ...overrides });
const fail = (p: Promise<unknown>) => p.then(() => expect.fail('expected the call to fail'), (e: unknown) => e);
const FUSEBILL_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;

describe('Fusebill createPurchaseProductItem', () => {
  it('sends POST /v1/purchaseProductItems with the API key verbatim in Basic auth and decodes the tracked item', async () => {
    const item = await client().createPurchaseProductItem({ purchaseId: 556891, reference: 'vh63k2jxu77291z', name: 'license code', description: 'Premium Edition' });

    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/purchaseProductItems' });
    // Not base64 again: the key already is base64("0:<secret>").
    expect(sent!.headers.authorization).toBe(`Basic ${mock.credentials.fusebill.apiKey}`);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent!.body)).toEqual({ purchaseId: 556891, reference: 'vh63k2jxu77291z', name: 'license code', description: 'Premium Edition' });

    expect(item).toMatchObject({ id: 242593, reference: 'vh63k2jxu77291z', name: 'license code', purchaseId: 556891, customerId: 650594, productId: 46818, status: 'Active' });
    expect(item.uri).toBe('https://secure.fusebill.com/v1/purchaseProductItems/242593');
    expect(item.createdDate).toMatch(FUSEBILL_DATE);
    expect(item.modifiedDate).toMatch(FUSEBILL_DATE);
    expect(mock.simulators.fusebill.items.map((i) => i.reference)).toEqual(['vh63k2jxu77291z']);
  });

  it('lets `name` be left out (optional, FACTS §6) and sends no name', async () => {
    const item = await client().createPurchaseProductItem({ purchaseId: 556891, reference: 'no-name' });
    expect(JSON.parse(mock.requests[0]!.body)).toEqual({ purchaseId: 556891, reference: 'no-name' });
    expect(item.name).toBeNull();
  });

  it('rejects a 256-character reference, a 101-character name and a string purchaseId before sending anything', async () => {
    const error = await fail(client().createPurchaseProductItem({ purchaseId: '556891', reference: 'r'.repeat(256), name: 'n'.repeat(101) } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(
      expect.arrayContaining([
        { path: 'reference', rule: 'maxLength', message: 'reference must be at most 255 characters; got 256' },
        { path: 'name', rule: 'maxLength', message: 'name must be at most 100 characters; got 101' },
        expect.objectContaining({ path: 'purchaseId', rule: 'type' }),
      ]),
    );
    expect(mock.requests).toHaveLength(0);
  });

  it('maps the documented 404 body to NotFoundError with its Errors[].Value as the message', async () => {
    const error = await fail(client().createPurchaseProductItem({ purchaseId: 123, reference: 'x-1' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      message: '404 Purchase with id 123 not found.',
      body: { ErrorId: 0, HttpStatusCode: 404, Errors: [{ Key: 'Api Error', Value: 'Purchase with id 123 not found.' }] },
    });
  });

  it('refuses an item on a purchase that is no longer Draft with a ConflictError, adding nothing and not retrying', async () => {
    const cancelled = mock.simulators.fusebill.addPurchase({ status: 'Cancelled' });
    for (const purchaseId of [556892, cancelled.id]) {
      const error = await fail(client().createPurchaseProductItem({ purchaseId, reference: `ref-${purchaseId}` }));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).message).toMatch(new RegExp(`^409 Purchase ${purchaseId} is in (Purchased|Cancelled) status`));
    }
    expect(mock.requests).toHaveLength(2);
    expect(mock.simulators.fusebill.items).toHaveLength(0);
  });

  it('refuses a reference already active for the same product (another purchase too) but allows it on another product', async () => {
    await client().createPurchaseProductItem({ purchaseId: 556891, reference: 'dup-1' });
    const error = await fail(client().createPurchaseProductItem({ purchaseId: 556893, reference: 'dup-1' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, message: "409 An active tracked item with reference 'dup-1' already exists for product 46818." });

    await expect(client().createPurchaseProductItem({ purchaseId: 556894, reference: 'dup-1' })).resolves.toMatchObject({ productId: 46820 });
    expect(mock.simulators.fusebill.items.map((i) => [i.purchaseId, i.reference])).toEqual([[556891, 'dup-1'], [556894, 'dup-1']]);
  });

  it('after a connection reset that hid an applied item, retries once and ends in AlreadyAppliedError: one item server-side', async () => {
    mock.faults.add({ provider: 'fusebill', fault: { kind: 'reset-after' } });
    const error = await fail(client({ retry: { random: () => 0 } }).createPurchaseProductItem({ purchaseId: 556891, reference: 'once-only' }));

    expect(error).toBeInstanceOf(AlreadyAppliedError);
    expect(error).toMatchObject({ idempotencyKey: 'once-only', cause: expect.any(ConflictError) });
    expect(mock.requests.map((r) => JSON.parse(r.body).reference)).toEqual(['once-only', 'once-only']);
    expect(mock.simulators.fusebill.items).toHaveLength(1);
  });

  it('maps a wrong key to AuthenticationError and never echoes the key', async () => {
    const wrongKey = base64('0:WRONG-FUSEBILL-SECRET-0002');
    const error = await fail(client({ apiKey: wrongKey }).createPurchaseProductItem({ purchaseId: 556891, reference: 'r' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(mock.requests[0]!.headers.authorization).toBe(`Basic ${wrongKey}`);
    expect((error as Error).message).toBe('401 Authorization has been denied for this request.');
    expect(JSON.stringify(error)).not.toContain(wrongKey);
    expect(String(error)).not.toContain(wrongKey);
  });

  it('shows what encoding the key again does: Fusebill answers 400 "not in the correct format"', async () => {
    const doubleEncoded = base64(`${mock.credentials.fusebill.apiKey}:`);
    const error = await fail(client({ apiKey: doubleEncoded }).createPurchaseProductItem({ purchaseId: 556891, reference: 'r' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: '400 Authorization key is not in the correct format.' });
    expect(JSON.stringify(error)).not.toContain(doubleEncoded);
  });

  it('hands the X-Rate-Limit-* headers of every response to onRateLimit, and keeps them on a RateLimitError', async () => {
    mock.simulators.fusebill.limits.perMinute = 2;
    const seen: FusebillRateLimit[] = [];
    const fb = client({ onRateLimit: (limits) => seen.push(limits), retry: { maxRetryAfterMs: 1000 } });
    await fb.createPurchaseProductItem({ purchaseId: 556891, reference: 'a' });
    await fail(fb.createPurchaseProductItem({ purchaseId: 123, reference: 'b' }));
    const error = await fail(fb.createPurchaseProductItem({ purchaseId: 556891, reference: 'c' }));

    expect(seen.map((s) => [s.minute.limit, s.minute.remaining, s.day.limit, s.day.remaining])).toEqual([[2, 1, 5000, 4999], [2, 0, 5000, 4998], [2, 0, 5000, 4998]]);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toBe('429 Rate limit exceeded: 2 requests per minute.');
    // The reset instant is under a minute away: longer than this client's 1 s budget, so it fails fast.
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(1000);
    expect((error as RateLimitError).retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(readRateLimit((error as RateLimitError).headers)).toEqual({ minute: { limit: 2, remaining: 0, reset: seen[0]!.minute.reset }, day: expect.objectContaining({ remaining: 4998 }) });
    expect(mock.requests).toHaveLength(3);
  });

  it('waits for X-Rate-Limit-Reset-Minute when it is within budget, then succeeds', async () => {
    Object.assign(mock.simulators.fusebill.limits, { perMinute: 1, minuteMs: 1000 });
    const log: { event: string; waitMs?: number }[] = [];
    const fb = client({ logger: (line) => log.push(line), logLevel: 'info' });
    await fb.createPurchaseProductItem({ purchaseId: 556891, reference: 'w-1' });
    await expect(fb.createPurchaseProductItem({ purchaseId: 556891, reference: 'w-2' })).resolves.toMatchObject({ reference: 'w-2' });

    const waits = log.filter((l) => l.event === 'retry.scheduled').map((l) => l.waitMs!);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(mock.simulators.fusebill.items.map((i) => i.reference)).toEqual(['w-1', 'w-2']);
  });

  it('reads the key from FUSEBILL_API_KEY, and names option and variable when there is none', async () => {
    const saved = { ...process.env };
    try {
      delete process.env.FUSEBILL_API_KEY;
      expect(() => createFusebillClient()).toThrow(ConfigurationError);
      expect(() => createFusebillClient()).toThrow(/apiKey \(option `apiKey` or env FUSEBILL_API_KEY\)/);
      process.env.FUSEBILL_API_KEY = mock.credentials.fusebill.apiKey;
      await createFusebillClient({ baseUrl: mock.url('fusebill') }).createPurchaseProductItem({ purchaseId: 556891, reference: 'env' });
      expect(mock.requests[0]!.headers.authorization).toBe(`Basic ${mock.credentials.fusebill.apiKey}`);
    } finally {
      process.env = saved;
    }
  });

  it('calls secure.fusebill.com by default and stg-secure.fusebill.com for `staging`', async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(request.url);
      return Response.json({ id: 1, reference: 'r', purchaseId: 1, customerId: 1, productId: 1, status: 'Active', createdDate: '2019-11-08T13:50:32', modifiedDate: '2019-11-08T13:50:32.64', uri: 'u' });
    };
    const options = { apiKey: 'MDprZXk=', fetch: fetch as typeof globalThis.fetch };
    await createFusebillClient(options).createPurchaseProductItem({ purchaseId: 1, reference: 'r' });
    await createFusebillClient({ ...options, environment: 'staging' }).createPurchaseProductItem({ purchaseId: 1, reference: 'r' });
    expect(seen).toEqual(['https://secure.fusebill.com/v1/purchaseProductItems', 'https://stg-secure.fusebill.com/v1/purchaseProductItems']);
  });
});
