import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../server.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ providers: ['fusebill'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const post = (path: string, body: unknown, authorization: string | null = `Basic ${mock.credentials.fusebill.apiKey}`) =>
  fetch(`${mock.url('fusebill')}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Fusebill simulator', () => {
  it('matches the path case-insensitively, as ASP.NET does', async () => {
    const res = await post('/v1/PurchaseProductItems', { purchaseId: 556891, reference: 'case' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ reference: 'case', status: 'Active' });
  });

  it('answers 401 without an Authorization header, in the Fusebill error shape and without rate-limit headers', async () => {
    const res = await post('/v1/purchaseProductItems', { purchaseId: 556891, reference: 'r' }, null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ErrorId: 0, HttpStatusCode: 401, Errors: [{ Key: 'Api Error', Value: 'Authorization has been denied for this request.' }] });
    expect(res.headers.has('x-rate-limit-remaining-minute')).toBe(false);
  });

  it('answers 400 "not in the correct format" for a key that is not base64 of "<digits>:<secret>"', async () => {
    for (const token of ['not-base64!', Buffer.from('user:secret').toString('base64')]) {
      const res = await post('/v1/purchaseProductItems', { purchaseId: 556891, reference: 'r' }, `Basic ${token}`);
      expect(res.status).toBe(400);
      expect((await res.json()).Errors).toEqual([{ Key: 'Api Error', Value: 'Authorization key is not in the correct format.' }]);
    }
  });

  it('puts the X-Rate-Limit-* headers on every response to a known key, errors included', async () => {
    const ok = await post('/v1/purchaseProductItems', { purchaseId: 556891, reference: 'h-1' });
    const missing = await post('/v1/purchaseProductItems', { purchaseId: 1, reference: 'h-2' });
    expect(missing.status).toBe(404);
    expect([ok, missing].map((r) => [r.headers.get('x-rate-limit-limit-minute'), r.headers.get('x-rate-limit-remaining-minute'), r.headers.get('x-rate-limit-remaining-day')])).toEqual([
      ['50', '49', '4999'],
      ['50', '48', '4998'],
    ]);
    expect(Date.parse(ok.headers.get('x-rate-limit-reset-minute')!)).toBeGreaterThan(Date.now());
    expect(Date.parse(ok.headers.get('x-rate-limit-reset-day')!)).toBeGreaterThan(Date.parse(ok.headers.get('x-rate-limit-reset-minute')!));
  });

  it('enforces the per-day limit too, naming it in the 429 body', async () => {
    mock.simulators.fusebill.limits.perDay = 1;
    await post('/v1/purchaseProductItems', { purchaseId: 556891, reference: 'd-1' });
    const res = await post('/v1/purchaseProductItems', { purchaseId: 556891, reference: 'd-2' });
    expect(res.status).toBe(429);
    expect((await res.json()).Errors[0].Value).toBe('Rate limit exceeded: 1 requests per day.');
    expect(res.headers.get('x-rate-limit-remaining-day')).toBe('0');
  });

  it("counts its own 429s in rateLimited, not the fault plan's, until reset()", async () => {
    mock.simulators.fusebill.limits.perMinute = 1;
    mock.faults.add({ fault: { kind: 'status', status: 429 } });
    const statuses = [];
    for (const reference of ['q-1', 'q-2', 'q-3']) statuses.push((await post('/v1/purchaseProductItems', { purchaseId: 556891, reference })).status);
    expect(statuses).toEqual([429, 200, 429]);
    expect(mock.simulators.fusebill.rateLimited).toBe(1);
    mock.reset();
    expect(mock.simulators.fusebill.rateLimited).toBe(0);
  });

  it('validates the body server-side with one entry per field', async () => {
    const res = await post('/v1/purchaseProductItems', { purchaseId: 1.5, name: 'n'.repeat(101) });
    expect(res.status).toBe(400);
    expect((await res.json()).Errors).toEqual([
      { Key: 'reference', Value: 'The reference field is required.' },
      { Key: 'name', Value: 'The field name must be a string with a maximum length of 100.' },
      { Key: 'purchaseId', Value: 'The field purchaseId must be an integer.' },
    ]);
  });

  it('frees a reference once its item is no longer active', async () => {
    await post('/v1/purchaseProductItems', { purchaseId: 556891, reference: 'reuse' });
    expect((await post('/v1/purchaseProductItems', { purchaseId: 556893, reference: 'reuse' })).status).toBe(409);
    mock.simulators.fusebill.items[0]!.status = 'Removed';
    expect((await post('/v1/purchaseProductItems', { purchaseId: 556893, reference: 'reuse' })).status).toBe(200);
  });

  it('writes dates as .NET does: no zone designator, created to the second', async () => {
    const item = await (await post('/v1/purchaseProductItems', { purchaseId: 556891, reference: 'dates' })).json();
    expect(item.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(item.modifiedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/);
  });
});
