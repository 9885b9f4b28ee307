import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../server.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ providers: ['softwaredna'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

/** A GET with an optional body, which fetch cannot send (Node frames a GET body only with an explicit length). */
function get(path: string, body?: string, authorization = basic(mock.credentials.softwaredna.clientId, mock.credentials.softwaredna.apiKey)) {
  return new Promise<{ status: number; headers: Record<string, unknown>; json: unknown }>((resolve, reject) => {
    const req = request(`${mock.url('softwaredna')}${path}`, { method: 'GET', headers: { authorization, 'content-type': 'application/json', ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('software_DNA simulator', () => {
  it('reads the JSON body of a GET, on a case-insensitive path', async () => {
    const res = await get('/V1/Credits/P0001234/TEST12345', JSON.stringify({ Target: 'ALL', UserIp: '203.0.113.9' }));
    expect(res).toMatchObject({ status: 200, json: [{ Target: 'LICENSE', Name: 'Reports', Count: 5 }, { Target: 'EMAIL', Name: 'Reports', Count: 2 }] });
  });

  it('rejects a credits query with neither a body nor query parameters', async () => {
    expect(await get('/v1/credits/P0001234/TEST12345')).toMatchObject({ status: 400, json: { Message: 'The request body is missing: Target and UserIp are required' } });
  });

  it('accepts the fields as query parameters when a proxy dropped the body', async () => {
    const res = await get('/v1/credits/P0001234/TEST12345?Target=EMAIL&UserIp=203.0.113.9&Test=true');
    expect(res).toMatchObject({ status: 200, json: [{ Target: 'EMAIL', Name: 'Reports', Count: 2 }] });
  });

  it('accepts "true"/"false" strings for the booleans and refuses anything else', async () => {
    const ok = await get('/v1/credits/P0001234/TEST12345', JSON.stringify({ Target: 'LICENSE', UserIp: '203.0.113.9', Test: 'true', SendDnaEmail: 'False' }));
    expect(ok.status).toBe(200);
    const bad = await get('/v1/credits/P0001234/TEST12345', JSON.stringify({ Target: 'LICENSE', UserIp: '203.0.113.9', Test: 'yes' }));
    expect(bad).toMatchObject({ status: 400, json: { Message: 'Invalid Test value: use true or false' } });
  });

  it('sends Count as strings when told to, as the vendor template shows', async () => {
    mock.simulators.softwaredna.settings.countAsString = true;
    const res = await get('/v1/credits/P0001234/TEST12345', JSON.stringify({ Target: 'LICENSE', UserIp: '203.0.113.9' }));
    expect(res.json).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: '5' }]);
  });

  it('answers 401 for wrong Basic credentials and 404 for an unknown product', async () => {
    const body = JSON.stringify({ Target: 'LICENSE', UserIp: '203.0.113.9' });
    expect(await get('/v1/credits/P0001234/TEST12345', body, basic('C0001234', 'WRONG'))).toMatchObject({ status: 401, json: { Message: 'Authorization has been denied for this request.' } });
    expect(await get('/v1/credits/P0009999/TEST12345', body)).toMatchObject({ status: 404, json: { Message: 'ProductId P0009999 not found' } });
  });

  it('answers 429 with X-RateLimit-Reset in seconds once the period budget is spent', async () => {
    Object.assign(mock.simulators.softwaredna.settings, { requestsPerPeriod: 1, periodMs: 30_000 });
    const body = JSON.stringify({ Target: 'LICENSE', UserIp: '203.0.113.9' });
    await get('/v1/credits/P0001234/TEST12345', body);
    const res = await get('/v1/credits/P0001234/TEST12345', body);
    expect(res.status).toBe(429);
    expect(res.headers['x-ratelimit-reset']).toBe('30');
    expect(mock.simulators.softwaredna.rateLimited).toBe(1);
    mock.reset();
    expect(mock.simulators.softwaredna.rateLimited).toBe(0);
  });

  it('serves licenses added by a test, with email credits shared by the buyer', async () => {
    mock.simulators.softwaredna.addLicense({ productId: 'P0007777', licenseId: 'NEWLICENSE000001', email: 'alice@example.com', credits: { Seats: 10 } });
    const res = await get('/v1/credits/P0007777/NEWLICENSE000001', JSON.stringify({ Target: 'ALL', UserIp: '203.0.113.9' }));
    expect(res.json).toEqual([{ Target: 'LICENSE', Name: 'Seats', Count: 10 }, { Target: 'EMAIL', Name: 'Reports', Count: 2 }]);
  });
});
