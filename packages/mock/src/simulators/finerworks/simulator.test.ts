import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../server.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ providers: ['finerworks'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

async function post(path: string, body: unknown, appKey = mock.credentials.finerworks.appKey) {
  const res = await fetch(`${mock.url('finerworks')}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', web_api_key: mock.credentials.finerworks.webApiKey, app_key: appKey },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { status?: Record<string, unknown> } & Record<string, unknown> };
}
const entry = (over: Record<string, unknown> = {}) => ({ amount: 25, memo: 'refund', widthdrawal: false, order_id: 42, account_id: 5150, ...over });
const balances = (account: number) => mock.simulators.finerworks.ledgers.get(account)?.map((e) => e.balance);

describe('FinerWorks simulator: the credits ledger per account', () => {
  it('records deposits and withdrawals per account and answers the documented status object', async () => {
    const deposit = await post('/v3/credit_transaction', entry());
    expect(deposit).toEqual({ status: 200, json: { status: { success: true, status_code: 100, message: 'Credit transaction recorded.', debug: {}, reference_id: 'ctx-1', domain: 'test-api.finerworks.com' } } });
    await post('/v3/credit_transaction', entry({ amount: 100, widthdrawal: true }));
    await post('/v3/credit_transaction', entry({ account_id: 5151, amount: 10 }));
    expect(balances(5150)).toEqual([500, 525, 425]);
    expect(balances(5151)).toEqual([10]);
    expect(mock.simulators.finerworks.ledgers.get(5150)!.at(-1)).toEqual({ reference_id: 'ctx-2', amount: 100, memo: 'refund', widthdrawal: true, order_id: 42, balance: 425 });
  });

  it('refuses a withdrawal beyond the balance and an unknown account with success:false, writing nothing', async () => {
    expect((await post('/v3/credit_transaction', entry({ account_id: 5151, widthdrawal: true }))).json.status).toMatchObject({ success: false, status_code: 402, message: 'Insufficient account credit: the balance is 0.' });
    expect((await post('/v3/credit_transaction', entry({ account_id: 1 }))).json.status).toMatchObject({ success: false, status_code: 404 });
    mock.simulators.finerworks.endpointAuthorized = false;
    expect((await post('/v3/credit_transaction', entry())).json.status).toMatchObject({ success: false, status_code: 403 });
    expect([balances(5150), balances(5151)]).toEqual([[500], []]);
  });

  it('validates the model as ASP.NET would, with the vendor-spelled widthdrawal', async () => {
    const res = await post('/v3/credit_transaction', { amount: -1, memo: 'x'.repeat(51), withdrawal: true, order_id: '42' });
    expect(res).toEqual({
      status: 400,
      json: {
        Message: 'The request is invalid.',
        ModelState: {
          amount: ['The field amount must be a positive number.'],
          memo: ['The field memo must be a string with a maximum length of 50.'],
          widthdrawal: ['The widthdrawal field is required.'],
          order_id: ['The field order_id must be a number.'],
          account_id: ['The account_id field is required.'],
        },
      },
    });
  });

  it('checks both keys, and reset() restores the seeded ledgers', async () => {
    expect(await post('/v3/credit_transaction', entry(), 'wrong')).toEqual({ status: 401, json: { Message: 'Authorization has been denied for this request.' } });
    await post('/V3/Credit_Transaction', entry());
    expect(balances(5150)).toEqual([500, 525]);
    mock.reset();
    expect(balances(5150)).toEqual([500]);
  });
});
