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

/** A consume call: a POST, which fetch can send. */
async function consume(body: unknown, path = '/v1/Credits/P0001234/TEST12345/consume') {
  const { clientId, apiKey } = mock.credentials.softwaredna;
  const res = await fetch(`${mock.url('softwaredna')}${path}`, {
    method: 'POST',
    headers: { authorization: basic(clientId, apiKey), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}
const ip = '203.0.113.9';
const queryAll = (licenseId = 'TEST12345') => get(`/v1/credits/P0001234/${licenseId}`, JSON.stringify({ Target: 'ALL', UserIp: ip }));

describe('software_DNA simulator: consume and query share one ledger', () => {
  it('a consume is seen by the next query, and answers the updated count of the credit', async () => {
    expect(await consume({ Name: 'Reports', Count: 2, Target: 'LICENSE', UserIp: ip })).toEqual({ status: 200, json: [{ Target: 'LICENSE', Name: 'Reports', Count: 3 }] });
    expect((await queryAll()).json).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 3 }, { Target: 'EMAIL', Name: 'Reports', Count: 2 }]);
    expect(mock.simulators.softwaredna.consumptions).toEqual([{ productId: 'P0001234', licenseId: 'TEST12345', Name: 'Reports', Count: 2, Target: 'LICENSE' }]);
  });

  it('for ALL takes from the license first, then the rest from the buyer email (shared by its other licenses)', async () => {
    expect((await consume({ Name: 'Reports', Count: 6, Target: 'ALL', UserIp: ip })).json).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 0 }, { Target: 'EMAIL', Name: 'Reports', Count: 1 }]);
    expect((await queryAll('K7Q2W3E4R5T6Y8U9')).json).toEqual([
      { Target: 'LICENSE', Name: 'Reports', Count: 1 },
      { Target: 'LICENSE', Name: 'Exports', Count: 3 },
      { Target: 'EMAIL', Name: 'Reports', Count: 1 },
    ]);
  });

  it('EMAIL takes from the buyer email only', async () => {
    expect((await consume({ Name: 'Reports', Count: 2, Target: 'EMAIL', UserIp: ip })).json).toEqual([{ Target: 'EMAIL', Name: 'Reports', Count: 0 }]);
    expect((await queryAll()).json).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }, { Target: 'EMAIL', Name: 'Reports', Count: 0 }]);
  });

  it('answers 403 "did not have sufficient Credits" for more than the target holds, and takes nothing', async () => {
    expect(await consume({ Name: 'Reports', Count: 6, Target: 'LICENSE', UserIp: ip })).toEqual({ status: 403, json: { Message: 'The LICENSE did not have sufficient Credits' } });
    expect(await consume({ Name: 'Reports', Count: 8, Target: 'ALL', UserIp: ip })).toMatchObject({ status: 403 });
    expect(await consume({ Name: 'Seats', Count: 1, Target: 'ALL', UserIp: ip })).toMatchObject({ status: 403 });
    expect((await queryAll()).json).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }, { Target: 'EMAIL', Name: 'Reports', Count: 2 }]);
    expect(mock.simulators.softwaredna.consumptions).toHaveLength(0);
  });

  it('reads Count as a number or a numeric string, and refuses one outside 0–20,000 or without a Name', async () => {
    expect(await consume({ Name: 'Reports', Count: '1', Target: 'LICENSE', UserIp: ip })).toMatchObject({ status: 200, json: [{ Count: 4 }] });
    expect(await consume({ Name: 'Reports', Count: 20_001, Target: 'LICENSE', UserIp: ip })).toEqual({ status: 400, json: { Message: 'Invalid Count: use an integer from 0 to 20,000' } });
    expect(await consume({ Name: 'Reports', Count: 1.5, Target: 'LICENSE', UserIp: ip })).toMatchObject({ status: 400 });
    expect(await consume({ Count: 1, Target: 'LICENSE', UserIp: ip })).toEqual({ status: 400, json: { Message: 'Name is required' } });
    expect(await consume({ Name: 'Reports', Count: 1, Target: 'BOTH', UserIp: ip })).toEqual({ status: 400, json: { Message: 'Invalid Target: use LICENSE, EMAIL or ALL' } });
    expect(await consume('not json')).toEqual({ status: 400, json: { Message: 'The request body must be a JSON object' } });
  });

  it('routes consume by POST on a case-insensitive path, and refuses a GET there', async () => {
    expect(await consume({ Name: 'Reports', Count: 1, Target: 'LICENSE', UserIp: ip }, '/V1/credits/P0001234/TEST12345/CONSUME')).toMatchObject({ status: 200 });
    const res = await get('/v1/Credits/P0001234/TEST12345/consume', JSON.stringify({ Name: 'Reports', Count: 1, Target: 'LICENSE', UserIp: ip }));
    expect(res).toMatchObject({ status: 405 });
    expect(await consume({ Name: 'Reports', Count: 1, Target: 'LICENSE', UserIp: ip }, '/v1/Credits/P0001234/NOPE/consume')).toMatchObject({ status: 404 });
  });

  it('reset() restores the seeded credits and forgets the consumptions', async () => {
    await consume({ Name: 'Reports', Count: 5, Target: 'LICENSE', UserIp: ip });
    mock.reset();
    expect(mock.simulators.softwaredna.consumptions).toHaveLength(0);
    expect((await queryAll()).json).toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }, { Target: 'EMAIL', Name: 'Reports', Count: 2 }]);
  });
});
