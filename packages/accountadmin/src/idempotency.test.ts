// PurchaseID: one key per logical call, the same on every attempt. Whether 2sms answers a repeat with the original
// purchase is a GUESS, so by default a purchase is never resent after an ambiguous failure: the OutcomeUnknownError
// carries the PurchaseID for a deliberate resend. `purchaseIdDeduplicated: true` asserts the deduplication and
// turns the retries on. Both are shown on the wire, against a simulator that deduplicates and one that buys again.
import { OutcomeUnknownError, ServerError } from '@creditkit/core';
import type { Fault, RepeatedPurchaseId } from '@creditkit/mock';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { type AccountAdminClientOptions, createAccountAdminClient } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });

const client = (overrides: AccountAdminClientOptions = {}) =>
  createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), retry: { random: () => 0 }, ...overrides });
const buy = { Billing: { Company: 'Example Ltd' }, PurchaseOrder: 'PO-7' };
const purchaseIds = () =>
  mock.requests
    .filter((r) => r.path !== '/Token')
    .map((r) => (r.headers['content-type'] === 'application/xml' ? /<PurchaseID>([^<]+)</.exec(r.body)![1] : JSON.parse(r.body).PurchaseID));
const onPurchase = (fault: Fault) => mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault });
/** The call's error (undefined when it succeeded). */
const failure = (p: Promise<unknown>) => p.then(() => undefined, (error: unknown) => error);

describe('2sms PurchaseID', () => {
  it('generates a fresh GUID per logical call', async () => {
    const aa = client();
    const a = await aa.purchaseCredits(buy);
    const b = await aa.purchaseCredits(buy);
    const [first, second] = purchaseIds();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(a.ResponseData!.Detail!.ID).not.toBe(b.ResponseData!.Detail!.ID);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(2);
  });

  it('takes the key from the idempotencyKey call option', async () => {
    const key = 'a2c4e6f8-1b3d-4f5a-9c7e-0d2f4a6c8e0b';
    await client().purchaseCredits(buy, { idempotencyKey: key });
    expect(purchaseIds()).toEqual([key]);
    expect(mock.simulators.accountadmin.purchases.has(key)).toBe(true);
  });
});

describe('2sms after an ambiguous failure, by default (deduplication unverified)', () => {
  it.each<[string, Fault, Partial<AccountAdminClientOptions>]>([
    ['the connection drops once the purchase was made', { kind: 'reset-after' }, {}],
    ['the answer is garbled', { kind: 'malformed-after' }, { format: 'xml' }],
    ['no answer comes before the attempt timeout', { kind: 'stall-after' }, { timeoutMs: 200 }],
  ])('is not resent when %s: OutcomeUnknownError carrying the PurchaseID sent, one purchase', async (_when, fault, options) => {
    onPurchase(fault);
    const error = await failure(client(options).purchaseCredits(buy));

    const [sent, ...resent] = purchaseIds();
    expect(resent).toEqual([]);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(1);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const { reconcile } = error as OutcomeUnknownError;
    expect(reconcile).toMatchObject({ method: 'POST', path: '/api/v1/AccountAdminAPI/PurchaseCredits', input: { ...buy, PurchaseID: sent } });
    expect(reconcile.hint).toContain(`PurchaseID ${sent}`);
  });

  it.each([500, 502, 504])('is not resent after the purchase was made and the answer is %i: ServerError, one purchase', async (status) => {
    onPurchase({ kind: 'status-after', status });
    const error = await failure(client().purchaseCredits(buy));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status });
    expect(purchaseIds()).toHaveLength(1);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(1);
  });

  it('lets the caller resend deliberately with the PurchaseID from reconcile: the account that deduplicates answers with the one purchase', async () => {
    mock.simulators.accountadmin.repeatedPurchaseId = 'deduplicate';
    onPurchase({ kind: 'reset-after' });
    const error = await failure(client().purchaseCredits(buy));
    const resent = await client().purchaseCredits((error as OutcomeUnknownError).reconcile.input as typeof buy);
    const [sent, again] = purchaseIds();
    expect(again).toBe(sent);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(1);
    expect(resent.ResponseData!.Detail).toEqual(mock.simulators.accountadmin.ledger[0]!.detail);
  });
});

describe('2sms with purchaseIdDeduplicated: true (the user asserts 2sms deduplicates)', () => {
  // requests sent and purchases recorded, by what the account really does with a repeated PurchaseID
  it.each<[RepeatedPurchaseId, number]>([
    ['deduplicate', 1],
    // What the option asserts is then false: this is why it is not the default.
    ['buy-again', 2],
  ])('resends after a drop with the same PurchaseID; an account that does "%s" records %i purchase(s)', async (mode, purchases) => {
    mock.simulators.accountadmin.repeatedPurchaseId = mode;
    onPurchase({ kind: 'reset-after' });
    const result = await client({ purchaseIdDeduplicated: true }).purchaseCredits(buy);

    const [sent, retried, ...more] = purchaseIds();
    expect(retried).toBe(sent);
    expect(more).toEqual([]);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(purchases);
    expect(result.ResponseData!.Detail).toEqual(mock.simulators.accountadmin.ledger.at(-1)!.detail);
  });

  it.each<[string, Fault]>([
    ['a garbled XML answer', { kind: 'malformed-after' }],
    ['a 502 after the purchase was made', { kind: 'status-after', status: 502 }],
  ])('retries %s with the same PurchaseID and returns the one purchase', async (_name, fault) => {
    mock.simulators.accountadmin.repeatedPurchaseId = 'deduplicate';
    onPurchase(fault);
    const result = await client({ format: 'xml', purchaseIdDeduplicated: true }).purchaseCredits(buy);
    const [sent, retried] = purchaseIds();
    expect(retried).toBe(sent);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(1);
    expect(result.ResponseData!.Detail!.ID).toBe(mock.simulators.accountadmin.purchases.get(sent)!.detail.ID);
  });

  it('accepts only true or false', () => {
    expect(() => client({ purchaseIdDeduplicated: 'yes' as never })).toThrow('purchaseIdDeduplicated must be true or false (got string)');
  });
});
