// 2sms purchases with an intent: unsafe by default, so one in doubt is never resent, whatever worker asks again;
// with `purchaseIdDeduplicated: true` it is keyed, and a later call resends the SAME PurchaseID.
import { memoryStore, OutcomeUnknownError, ProviderError } from '@creditkit/core';
import type { Fault } from '@creditkit/mock';
import { useMockServer } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type AccountAdminClientOptions, createAccountAdminClient } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });
const client = (overrides: AccountAdminClientOptions) => createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), maxRetries: 0, ...overrides });
const buy = { Billing: { Company: 'Example Ltd' }, PurchaseOrder: 'PO-9' };
const purchaseIds = () => mock.requests.filter((r) => r.path !== '/Token').map((r) => JSON.parse(r.body).PurchaseID as string);
const onPurchase = (fault: Fault) => mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault });
const failure = (p: Promise<unknown>) => p.then(() => undefined, (error: unknown) => error);

describe('2sms purchase intents', () => {
  it('unsafe by default: in doubt after a lost answer, never resent by a later call', async () => {
    const store = memoryStore();
    onPurchase({ kind: 'reset-after' });
    expect(await failure(client({ store }).purchaseCredits(buy, { intentId: 'order-1' }))).toBeInstanceOf(OutcomeUnknownError);
    const again = await failure(client({ store }).purchaseCredits(buy, { intentId: 'order-1' }));
    expect(again).toBeInstanceOf(OutcomeUnknownError);
    expect((again as OutcomeUnknownError).reconcile.input).toMatchObject({ PurchaseID: purchaseIds()[0] });
    expect(purchaseIds()).toHaveLength(1);
  });

  it('with purchaseIdDeduplicated: a later call resends the same PurchaseID, and 2sms answers with the one purchase', async () => {
    const store = memoryStore();
    mock.simulators.accountadmin.repeatedPurchaseId = 'deduplicate';
    onPurchase({ kind: 'reset-after' });
    expect(await failure(client({ store, purchaseIdDeduplicated: true }).purchaseCredits(buy, { intentId: 'order-2' }))).toBeDefined();
    const answer = await client({ store, purchaseIdDeduplicated: true }).purchaseCredits(buy, { intentId: 'order-2' });
    const [first, second] = purchaseIds();
    expect(second).toBe(first);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(1);
    expect(answer.ResponseData?.Detail?.ID).toBeDefined();
    // Applied now: a third call returns the stored answer and sends nothing.
    // The stored result is scrubbed of secrets (the simulator echoes the client id in UserId).
    const replayed = await client({ store, purchaseIdDeduplicated: true }).purchaseCredits(buy, { intentId: 'order-2' });
    expect(replayed.ResponseData?.Detail).toEqual(answer.ResponseData?.Detail);
    expect(JSON.stringify(replayed)).not.toContain(mock.credentials.accountadmin.clientId);
    expect(purchaseIds()).toHaveLength(2);
  });

  it('a plain refusal (Error, no purchase) fails the intent for good: the same ProviderError, nothing sent', async () => {
    const store = memoryStore();
    const body = JSON.stringify({ Error: { ErrorCode: 'CardDeclined', ErrorReason: 'No.' }, ResponseData: { Result: 'Failed', Detail: null } });
    onPurchase({ kind: 'status', status: 200, body });
    const first = await failure(client({ store }).purchaseCredits(buy, { intentId: 'order-3' }));
    expect(first).toMatchObject({ name: 'ProviderError', code: 'CardDeclined' });
    const again = await failure(client({ store }).purchaseCredits(buy, { intentId: 'order-3' }));
    expect(again).toBeInstanceOf(ProviderError);
    expect(again).toMatchObject({ code: 'CardDeclined', message: (first as Error).message });
    expect(purchaseIds()).toHaveLength(1);
  });

  it('a refusal that carries a purchase (the help page’s own sample) is in doubt, never resent', async () => {
    const store = memoryStore();
    const body = JSON.stringify({ Error: { ErrorCode: 'Partial', ErrorReason: 'Check.' }, ResponseData: { Result: 'Failed', Detail: { ID: 'd-1', InvoiceNumber: 'INV-1' } } });
    onPurchase({ kind: 'status-after', status: 200, body });
    expect(await failure(client({ store, purchaseIdDeduplicated: true }).purchaseCredits(buy, { intentId: 'order-4' }))).toBeInstanceOf(OutcomeUnknownError);
    const [record] = (await store.list({ prefix: 'intent:order-4' }));
    expect(record?.record.state).toBe('in_doubt');
  });
});
