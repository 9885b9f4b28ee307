// PurchaseID makes a purchase safe to repeat: one key per logical call, the same key on every retry, and
// the simulator (as 2sms) answers a repeat with the original purchase.
import { describe, expect, it } from 'vitest';
import { useMockServer } from '../../mock/src/testing/use-mock-server.js';
import { type AccountAdminClientOptions, createAccountAdminClient } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });

const client = (overrides: AccountAdminClientOptions = {}) =>
  createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), retry: { random: () => 0 }, ...overrides });
const buy = { Billing: { Company: 'Example Ltd' }, PurchaseOrder: 'PO-7' };
const purchaseIds = () =>
  mock.requests
    .filter((r) => r.path !== '/Token')
    .map((r) => (r.headers['content-type'] === 'application/xml' ? /<PurchaseID>([^<]+)</.exec(r.body)![1] : JSON.parse(r.body).PurchaseID));

describe('2sms PurchaseID', () => {
  it('generates a fresh GUID per logical call', async () => {
    const aa = client();
    const a = await aa.purchaseCredits(buy);
    const b = await aa.purchaseCredits(buy);
    const [first, second] = purchaseIds();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(a.ResponseData!.Detail!.ID).not.toBe(b.ResponseData!.Detail!.ID);
    expect(mock.simulators.accountadmin.purchases.size).toBe(2);
  });

  it('never buys twice for a repeated PurchaseID: the answer is the original purchase', async () => {
    const PurchaseID = '0b9f2f7e-5a41-4c39-9a7e-1f6d2c3b4a59';
    const first = await client().purchaseCredits({ ...buy, PurchaseID });
    const repeat = await client({ format: 'xml' }).purchaseCredits({ ...buy, PurchaseID });
    expect(repeat.ResponseData).toStrictEqual(first.ResponseData);
    expect(mock.simulators.accountadmin.purchases.size).toBe(1);
  });

  it('takes the key from the idempotencyKey call option', async () => {
    const key = 'a2c4e6f8-1b3d-4f5a-9c7e-0d2f4a6c8e0b';
    await client().purchaseCredits(buy, { idempotencyKey: key });
    expect(purchaseIds()).toEqual([key]);
    expect(mock.simulators.accountadmin.purchases.has(key)).toBe(true);
  });

  it.each(['json', 'xml'] as const)('%s: after the connection drops once the purchase was made, the retry carries the same PurchaseID and buys nothing more', async (format) => {
    mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault: { kind: 'reset-after' } });
    const result = await client({ format }).purchaseCredits(buy);

    expect(mock.faults.injected).toEqual([{ provider: 'accountadmin', path: '/api/v1/AccountAdminAPI/PurchaseCredits', kind: 'reset-after' }]);
    const [sent, retried] = purchaseIds();
    expect(retried).toBe(sent);
    expect(mock.simulators.accountadmin.purchases.size).toBe(1);
    expect(result.ResponseData!.Detail).toEqual(mock.simulators.accountadmin.purchases.get(sent)!.detail);
  });

  it('retries a garbled XML answer with the same PurchaseID and returns the one purchase', async () => {
    mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault: { kind: 'malformed-after' } });
    const result = await client({ format: 'xml' }).purchaseCredits(buy);
    const [sent, retried] = purchaseIds();
    expect(retried).toBe(sent);
    expect(mock.simulators.accountadmin.purchases.size).toBe(1);
    expect(result.ResponseData!.Detail!.ID).toBe(mock.simulators.accountadmin.purchases.get(sent)!.detail.ID);
  });
});
