// The 2sms token shared by the workers of one account through their store: one /Token for all of them, and one
// refresh after the token is revoked, however many workers meet the 401. (Each client here is one worker; the
// workers soak, `npm run test:workers`, shows the same across processes.)
import { memoryStore, type StateStore } from '@creditkit/core';
import { useMockServer } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { createAccountAdminClient } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });
const worker = (store?: StateStore) => createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), ...(store ? { store } : {}) });
const buy = (n: number) => ({ Billing: { Email: `w${n}@example.com` } });
const tokenFetches = () => mock.requests.filter((r) => r.path === '/Token').length;

describe('2sms token shared through the store', () => {
  it('eight workers, sixteen concurrent purchases: one token fetch', async () => {
    const store = memoryStore();
    const workers = Array.from({ length: 8 }, () => worker(store));
    await Promise.all(workers.flatMap((w, i) => [w.purchaseCredits(buy(i)), w.purchaseCredits(buy(i + 8))]));
    expect(tokenFetches()).toBe(1);
    const bearers = new Set(mock.requests.filter((r) => r.path !== '/Token').map((r) => r.headers.authorization));
    expect(bearers.size).toBe(1);
  });

  it('without a shared store each worker fetches its own', async () => {
    await Promise.all(Array.from({ length: 4 }, (_, i) => worker().purchaseCredits(buy(i))));
    expect(tokenFetches()).toBe(4);
  });

  it('a revoked token is refreshed once for all workers that meet the 401', async () => {
    const store = memoryStore();
    const workers = Array.from({ length: 6 }, () => worker(store));
    await Promise.all(workers.map((w, i) => w.purchaseCredits(buy(i))));
    mock.simulators.accountadmin.revokeTokens();
    await Promise.all(workers.map((w, i) => w.purchaseCredits(buy(i + 6))));
    expect(tokenFetches()).toBe(2);
    const unauthorized = mock.requests.filter((r) => r.path !== '/Token').length - 12;
    expect(unauthorized).toBe(6);
  });

  it('never writes the client secret to the store', async () => {
    const store = memoryStore();
    await worker(store).purchaseCredits(buy(1));
    expect(JSON.stringify(await store.list())).not.toContain(mock.credentials.accountadmin.clientSecret);
  });
});

describe('a store that fails around the token', () => {
  it('costs only the sharing: the worker fetches its own token and buys', async () => {
    const inner = memoryStore();
    const lines: { event: string; level: string; step?: string }[] = [];
    const broken: StateStore = { ...inner, name: 'memory', get: async () => { throw new Error('store down'); } };
    const w = createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), store: broken, logger: (l) => lines.push(l as never) });
    await w.purchaseCredits(buy(1));
    expect(tokenFetches()).toBe(1);
    expect(lines.map((l) => l.step).filter(Boolean)).toEqual(['budgets', 'token']);
  });
});
