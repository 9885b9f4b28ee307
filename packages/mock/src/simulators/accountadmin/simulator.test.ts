import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../server.js';

let mock: MockServer;
let clockMs = 0;
beforeAll(async () => {
  mock = await startMockServer({ providers: ['accountadmin'], now: () => Date.now() + clockMs });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());
afterEach(() => {
  clockMs = 0;
});

const PURCHASE = '/api/v1/AccountAdminAPI/PurchaseCredits';
const ID = '9beb5f68-6493-4cc4-b55e-187541a9d22b';
const NS = 'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${mock.url('accountadmin')}/Token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) });
const grant = () => ({ grant_type: 'client_credentials', client_id: mock.credentials.accountadmin.clientId, client_secret: mock.credentials.accountadmin.clientSecret });
async function token(): Promise<string> {
  return ((await (await form(grant())).json()) as { access_token: string }).access_token;
}
const purchase = (body: string, headers: Record<string, string>) => fetch(`${mock.url('accountadmin')}${PURCHASE}`, { method: 'POST', headers, body });

describe('2sms AccountAdmin simulator: /Token', () => {
  it('issues a bearer token for the client credentials, lasting 8 hours by default', async () => {
    const res = await form(grant());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ access_token: expect.stringMatching(/^[\w-]{32}$/), token_type: 'bearer', expires_in: 28800 });
  });

  it('counts the tokens it issued in tokensIssued, refusals not, revocation kept, until reset()', async () => {
    await token();
    await form({ grant_type: 'password' });
    mock.simulators.accountadmin.revokeTokens();
    await token();
    expect(mock.simulators.accountadmin.tokensIssued).toBe(2);
    mock.reset();
    expect(mock.simulators.accountadmin.tokensIssued).toBe(0);
  });

  it('takes the client credentials from Basic auth too, as OWIN does', async () => {
    const basic = Buffer.from(`${mock.credentials.accountadmin.clientId}:${mock.credentials.accountadmin.clientSecret}`).toString('base64');
    const res = await form({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
  });

  it.each([
    [{ ...{ grant_type: 'password' } }, 'unsupported_grant_type'],
    [{ grant_type: 'client_credentials', client_id: 'mock-2sms-client', client_secret: 'nope' }, 'invalid_client'],
  ])('refuses %o with 400 %s', async (fields, error) => {
    const res = await form(fields);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error });
  });

  it('refuses a JSON token request as invalid_request', async () => {
    const res = await fetch(`${mock.url('accountadmin')}/Token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(grant()) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request' });
  });
});

describe('2sms AccountAdmin simulator: PurchaseCredits', () => {
  it('answers 401 without a token, with an unknown one, and once the token expired by its clock', async () => {
    mock.simulators.accountadmin.tokenLifetimeSeconds = 60;
    const bearer = await token();
    const body = JSON.stringify({ PurchaseID: ID, Billing: { Email: 'a@b.c' } });
    const json = { 'content-type': 'application/json' };
    expect((await purchase(body, json)).status).toBe(401);
    expect((await purchase(body, { ...json, authorization: 'Bearer made-up' })).status).toBe(401);
    expect((await purchase(body, { ...json, authorization: `Bearer ${bearer}` })).status).toBe(200);
    clockMs = 61_000;
    const expired = await purchase(body, { ...json, authorization: `Bearer ${bearer}`, accept: 'application/xml' });
    expect(expired.status).toBe(401);
    expect(await expired.text()).toBe('<Error>\n  <Message>Authorization has been denied for this request.</Message>\n</Error>\n');
  });

  it('reads XML and answers in XmlSerializer form: namespaces, the XML sample order, no Error on success', async () => {
    const auth = `Bearer ${await token()}`;
    const body = `<AccountPurchase ${NS}><Billing><Email>a@b.c</Email></Billing><PurchaseID>${ID}</PurchaseID><PurchaseOrder>PO-7</PurchaseOrder></AccountPurchase>`;
    const res = await purchase(body, { authorization: auth, 'content-type': 'application/xml', accept: 'application/xml' });
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const text = await res.text();
    expect(text.startsWith(`<ResponseOfPurchase ${NS}>\n  <ResponseData>\n    <Result>Success</Result>\n    <Identification>`)).toBe(true);
    expect(text).not.toContain('<Error');
    const detail = new XMLParser({ parseTagValue: false }).parse(text).ResponseOfPurchase.ResponseData.Detail;
    expect(Object.keys(detail)).toEqual(['Currency', 'DatePurchased', 'GrossTotal', 'ID', 'InvoiceNumber', 'NetTotal', 'Paid', 'PurchaseType', 'Quantity', 'Tax', 'UnitPrice']);
    expect(detail).toMatchObject({ Paid: 'true', InvoiceNumber: '1', Currency: 'GBP' });
    expect(mock.simulators.accountadmin.purchases.get(ID)).toMatchObject({ format: 'xml', billing: { Email: 'a@b.c' }, purchaseOrder: 'PO-7' });
  });

  it('negotiates the answer by Accept (quality first), else by the request type, and answers JSON with Error: null in the JSON sample order', async () => {
    mock.simulators.accountadmin.repeatedPurchaseId = 'deduplicate';
    const auth = `Bearer ${await token()}`;
    const body = JSON.stringify({ PurchaseID: ID, Billing: { Email: 'a@b.c' } });
    const viaAccept = await purchase(body, { authorization: auth, 'content-type': 'text/json', accept: 'application/json;q=0.5, text/xml' });
    expect(viaAccept.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const viaType = await purchase(body, { authorization: auth, 'content-type': 'application/json' });
    const json = await viaType.json();
    expect(Object.keys(json)).toEqual(['Error', 'ResponseData']);
    expect(json.Error).toBeNull();
    expect(Object.keys(json.ResponseData)).toEqual(['Identification', 'Result', 'Detail']);
    expect(json.ResponseData.Detail).toMatchObject({ Paid: true, GrossTotal: 117, InvoiceNumber: 1 });
  });

  it('deduplicates a repeated PurchaseID when told to: a repeat, even in the other format, returns the original', async () => {
    mock.simulators.accountadmin.repeatedPurchaseId = 'deduplicate';
    const auth = `Bearer ${await token()}`;
    const first = await (await purchase(JSON.stringify({ PurchaseID: ID, Billing: { Email: 'a@b.c' } }), { authorization: auth, 'content-type': 'application/json' })).json();
    const xml = `<AccountPurchase ${NS}><Billing><Email>other@b.c</Email></Billing><PurchaseID>${ID.toUpperCase()}</PurchaseID></AccountPurchase>`;
    const again = await (await purchase(xml, { authorization: auth, 'content-type': 'application/xml', accept: 'application/json' })).json();
    expect(again).toEqual(first);
    expect(mock.simulators.accountadmin.purchases.size).toBe(1);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(1);
  });

  it('buys again for a repeated PurchaseID by default (2sms does not say it deduplicates), and reset() restores that', async () => {
    const auth = `Bearer ${await token()}`;
    const body = JSON.stringify({ PurchaseID: ID, Billing: { Email: 'a@b.c' } });
    const first = await (await purchase(body, { authorization: auth, 'content-type': 'application/json' })).json();
    const again = await (await purchase(body, { authorization: auth, 'content-type': 'application/json' })).json();
    expect(again.ResponseData.Detail.ID).not.toBe(first.ResponseData.Detail.ID);
    expect(again.ResponseData.Detail.InvoiceNumber).toBe(2);
    expect(mock.simulators.accountadmin.ledger.map((p) => p.detail.ID)).toEqual([first.ResponseData.Detail.ID, again.ResponseData.Detail.ID]);
    expect(mock.simulators.accountadmin.purchases.get(ID)!.detail.ID).toBe(first.ResponseData.Detail.ID);
    mock.simulators.accountadmin.repeatedPurchaseId = 'deduplicate';
    mock.reset();
    expect(mock.simulators.accountadmin.repeatedPurchaseId).toBe('buy-again');
    expect(mock.simulators.accountadmin.ledger).toHaveLength(0);
  });

  it.each([
    ['text/json', 'text/json'],
    ['text/xml', 'text/xml'],
    ['application/json', 'application/json'],
    ['application/xml', 'application/xml'],
  ])('reads a %s body and answers Accept: %s labelled with that type, as the help page lists', async (type, accept) => {
    const auth = `Bearer ${await token()}`;
    const body = type.endsWith('json')
      ? JSON.stringify({ PurchaseID: ID, Billing: { Email: 'a@b.c' } })
      : `<AccountPurchase ${NS}><Billing><Email>a@b.c</Email></Billing><PurchaseID>${ID}</PurchaseID></AccountPurchase>`;
    const res = await purchase(body, { authorization: auth, 'content-type': type, accept });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${accept}; charset=utf-8`);
    const text = await res.text();
    expect(accept.endsWith('json') ? JSON.parse(text).ResponseData.Result : /<Result>(\w+)<\/Result>/.exec(text)?.[1]).toBe('Success');
    expect(mock.simulators.accountadmin.purchases.get(ID)).toMatchObject({ format: type.endsWith('json') ? 'json' : 'xml', billing: { Email: 'a@b.c' } });
  });

  it('answers 400 for an unreadable body or a PurchaseID that is not a GUID, and 415 for another media type', async () => {
    const auth = `Bearer ${await token()}`;
    for (const [body, type] of [['{"PurchaseID":"PO-7"}', 'application/json'], ['<AccountPurchase><PurchaseID>', 'application/xml'], ['not json', 'application/json']]) {
      const res = await purchase(body!, { authorization: auth, 'content-type': type!, accept: 'application/json' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ Message: 'The request is invalid.' });
    }
    const form415 = await purchase(`PurchaseID=${ID}`, { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' });
    expect(form415.status).toBe(415);
    expect(mock.simulators.accountadmin.purchases.size).toBe(0);
  });

  it('answers a purchase without billing details with a filled Error and no ResponseData', async () => {
    const auth = `Bearer ${await token()}`;
    const res = await purchase(JSON.stringify({ PurchaseID: ID }), { authorization: auth, 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ Error: { ErrorCode: 'BillingRequired', ErrorReason: 'Billing details are required to purchase credits.' }, ResponseData: null });
  });
});
