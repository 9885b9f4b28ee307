// FinerWorks createCreditTransaction on the wire: both key headers, the five required fields (the vendor's
// `widthdrawal` spelling kept), the `status` answer, refusals in the body. Not idempotent: after an answer that
// may follow the ledger entry, it is never sent again; with an intent, a later call replays instead.
import { AuthenticationError, DecodeError, memoryStore, OutcomeUnknownError, ProviderError, ServerError, ValidationError } from '@creditkit/core';
import { useMockServer } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type CreateCreditTransactionInput, createFinerWorksClient } from './index.js';

const mock = useMockServer({ providers: ['finerworks'] });
const client = (overrides: Parameters<typeof createFinerWorksClient>[0] = {}) =>
  createFinerWorksClient({ ...mock.credentials.finerworks, baseUrl: mock.url('finerworks'), ...overrides });
const fail = (p: Promise<unknown>) => p.then((r) => expect.unreachable(`resolved to ${JSON.stringify(r)}`), (e: unknown) => e);
const transaction = (overrides: Partial<CreateCreditTransactionInput> = {}): CreateCreditTransactionInput => ({
  amount: 25,
  memo: 'Refund for order 42',
  widthdrawal: false,
  order_id: 42,
  account_id: 5150,
  ...overrides,
});
const onTransaction = (fault: Parameters<typeof mock.faults.add>[0]['fault']) => mock.faults.add({ provider: 'finerworks', path: 'credit_transaction', fault });
const balances = () => mock.simulators.finerworks.ledgers.get(5150)!.map((e) => e.balance);

describe('FinerWorks createCreditTransaction', () => {
  it('sends POST /v3/credit_transaction with both key headers and the vendor-spelled body, and decodes the status', async () => {
    const result = await client().createCreditTransaction(transaction({ amount: 12.5, widthdrawal: true }));

    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v3/credit_transaction' });
    expect(sent!.headers.web_api_key).toBe(mock.credentials.finerworks.webApiKey);
    expect(sent!.headers.app_key).toBe(mock.credentials.finerworks.appKey);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent!.body)).toEqual({ amount: 12.5, memo: 'Refund for order 42', widthdrawal: true, order_id: 42, account_id: 5150 });
    expect(result).toEqual({ status: { success: true, status_code: 100, message: 'Credit transaction recorded.', debug: {}, reference_id: 'ctx-1', domain: 'test-api.finerworks.com' } });
    expect(balances()).toEqual([500, 487.5]);
  });

  it.each([
    [{ amount: 0 }, 'amount', 'exclusiveMinimum', 'amount must be more than 0; got 0'],
    [{ amount: -5 }, 'amount', 'exclusiveMinimum', 'amount must be more than 0; got -5'],
    [{ memo: 'x'.repeat(51) }, 'memo', 'maxLength', 'memo must be at most 50 characters; got 51'],
    [{ memo: '' }, 'memo', 'minLength', 'memo must be at least 1 characters; got 0'],
    [{ widthdrawal: 'yes' }, 'widthdrawal', 'type', 'widthdrawal must be of type boolean; got "yes"'],
    [{ order_id: '42' }, 'order_id', 'type', 'order_id must be of type number; got "42"'],
  ])('refuses %j before sending anything, naming the field and the rule', async (bad, path, rule, message) => {
    const error = await fail(client().createCreditTransaction(transaction(bad as Partial<CreateCreditTransactionInput>)));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path, rule, message }]);
    expect(mock.requests).toHaveLength(0);
  });

  it('requires all five fields, and refuses the correctly spelled `withdrawal` instead of sending it', async () => {
    const missing = await fail(client().createCreditTransaction({} as CreateCreditTransactionInput));
    expect((missing as ValidationError).issues.map((i) => `${i.path} ${i.rule}`).sort()).toEqual([
      'account_id required', 'amount required', 'memo required', 'order_id required', 'widthdrawal required',
    ]);
    const { widthdrawal: _w, ...rest } = transaction();
    const misspelt = await fail(client().createCreditTransaction({ ...rest, withdrawal: true } as never));
    expect((misspelt as ValidationError).issues.map((i) => `${i.path} ${i.rule}`).sort()).toEqual(['widthdrawal required', 'withdrawal additionalProperties']);
    expect(mock.requests).toHaveLength(0);
  });

  it('sends a memo of exactly 50 characters', async () => {
    await expect(client().createCreditTransaction(transaction({ memo: 'm'.repeat(50) }))).resolves.toMatchObject({ status: { success: true } });
    expect(mock.simulators.finerworks.ledgers.get(5150)!.at(-1)).toMatchObject({ memo: 'm'.repeat(50), amount: 25, widthdrawal: false, balance: 525 });
  });

  it.each([
    ['a withdrawal beyond the balance', { amount: 500.01, widthdrawal: true }, true, '402', '402: Insufficient account credit: the balance is 500.'],
    ['an unknown account', { account_id: 9999 }, true, '404', '404: Account 9999 was not found.'],
    ['an account not authorized for the endpoint', {}, false, '403', '403: Only authorized accounts may use this endpoint.'],
  ])('turns a 200 with status.success=false (%s) into a ProviderError, writing nothing', async (_name, input, authorized, code, message) => {
    mock.simulators.finerworks.endpointAuthorized = authorized;
    const error = await fail(client().createCreditTransaction(transaction(input)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, code, message, provider: 'finerworks', operation: 'createCreditTransaction' });
    expect(balances()).toEqual([500]);
  });

  it('maps 401 to AuthenticationError without echoing the key', async () => {
    const wrongKey = 'ffffffff-wrong-key-value-000000000000';
    const error = await fail(client({ appKey: wrongKey }).createCreditTransaction(transaction()));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operation: 'createCreditTransaction', message: '401 Authorization has been denied for this request.' });
    expect(JSON.stringify(error)).not.toContain(wrongKey);
  });

  it('rides out a 429 refused before processing and writes one entry', async () => {
    onTransaction({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    await expect(client().createCreditTransaction(transaction())).resolves.toMatchObject({ status: { success: true } });
    expect(mock.requests).toHaveLength(2);
    expect(balances()).toEqual([500, 525]);
  });

  it.each([
    ['a 500 after the entry was written', { kind: 'status-after', status: 500 } as const, ServerError, {}],
    ['a dropped connection after processing', { kind: 'reset-after' } as const, OutcomeUnknownError, {}],
    ['an attempt timeout after processing', { kind: 'stall-after' } as const, OutcomeUnknownError, { timeoutMs: 300 }],
  ])('is never resent after %s: one request, one entry', async (_name, fault, type, options) => {
    onTransaction(fault);
    const error = await fail(client({ maxRetries: 3, ...options }).createCreditTransaction(transaction()));
    expect(error).toBeInstanceOf(type);
    expect(mock.requests).toHaveLength(1);
    expect(balances()).toEqual([500, 525]);
  });

  it('an unreadable 2xx is an unknown outcome whose cause names what is wrong, not a result', async () => {
    onTransaction({ kind: 'content-type', contentType: 'application/json', body: '{"status":{"success":"yes"}}' });
    const error = await fail(client().createCreditTransaction(transaction()));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(DecodeError);
    expect(((error as OutcomeUnknownError).cause as Error).message).toBe('The 200 answer does not match the response schema: body.status.success must be of type boolean; got "yes"');
    expect(balances()).toEqual([500, 525]);
  });

  it('with an intent: an applied transaction is replayed without sending, one in doubt is never resent', async () => {
    const store = memoryStore();
    const applied = await client({ store }).createCreditTransaction(transaction(), { intentId: 'refund-1' });
    await expect(client({ store }).createCreditTransaction(transaction(), { intentId: 'refund-1' })).resolves.toEqual(applied);
    expect(mock.requests).toHaveLength(1);

    onTransaction({ kind: 'reset-after' });
    expect(await fail(client({ store }).createCreditTransaction(transaction(), { intentId: 'refund-2' }))).toBeInstanceOf(OutcomeUnknownError);
    expect(await fail(client({ store }).createCreditTransaction(transaction(), { intentId: 'refund-2' }))).toBeInstanceOf(OutcomeUnknownError);
    expect(mock.requests).toHaveLength(2);
    expect(balances()).toEqual([500, 525, 550]);
  });
});
