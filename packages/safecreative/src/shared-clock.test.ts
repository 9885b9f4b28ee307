// Safe Creative's clock offset shared through the store: the worker that met InvalidTime reads the server's clock
// once, and the account's other workers sign with that offset from their first request, never refused.
import { memoryStore, type StateStore } from '@creditkit/core';
import { useMockServer } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { createSafeCreativeClient } from './index.js';

const mock = useMockServer({ providers: ['safecreative'], now: () => Date.now() + 120_000 });
const worker = (store?: StateStore) => createSafeCreativeClient({ ...mock.credentials.safecreative, baseUrl: mock.url('safecreative'), ...(store ? { store } : {}) });
const components = () => mock.requests.map((r) => r.query.component);

describe('Safe Creative clock offset shared through the store', () => {
  it('one resync for the first worker; the next workers are never refused', async () => {
    const store = memoryStore();
    await worker(store).userNewSale({ service: 'PROFESSIONAL' });
    expect(components()).toEqual(['user.newsale', 'ztime', 'user.newsale']);
    await Promise.all(Array.from({ length: 5 }, () => worker(store).userNewSale({ service: 'PROFESSIONAL' })));
    expect(components().slice(3)).toEqual(Array(5).fill('user.newsale'));
  });

  it('workers without a shared store each meet InvalidTime once', async () => {
    await worker().userNewSale({ service: 'PROFESSIONAL' });
    await worker().userNewSale({ service: 'PROFESSIONAL' });
    expect(components().filter((c) => c === 'ztime')).toHaveLength(2);
  });

  it('keeps no key or signature in the store, only the offset', async () => {
    const store = memoryStore();
    await worker(store).userNewSale({ service: 'PROFESSIONAL' });
    const kept = JSON.stringify(await store.list());
    expect(kept).not.toContain(mock.credentials.safecreative.privateKey);
    for (const r of mock.requests) if (r.query.signature) expect(kept).not.toContain(r.query.signature);
    const [offset] = (await store.list()).filter((r) => r.key === 'clock:offset');
    expect((offset!.record.value as { offsetMs: number }).offsetMs).toBeGreaterThan(110_000);
  });
});

describe('a store that fails around the clock offset', () => {
  it('still signs and sells, and says so in the log, when reading and writing the offset fail', async () => {
    const inner = memoryStore();
    const lines: { event: string; level: string; step?: string }[] = [];
    const broken: StateStore = { ...inner, name: 'memory', get: async () => { throw new Error('store down'); }, set: async () => { throw new Error('store down'); } };
    const sc = createSafeCreativeClient({ ...mock.credentials.safecreative, baseUrl: mock.url('safecreative'), store: broken, logger: (l) => lines.push(l as never) });
    const sale = await sc.userNewSale({ service: 'PROFESSIONAL' });
    expect(sale.status).toBe('PAYMENT_PENDING');
    expect(lines.filter((l) => l.event === 'store.failed').map((l) => l.step)).toEqual(['budgets', 'clock-offset', 'clock-offset']);
  });

  it('reads the offset other workers stored, not its own guess', async () => {
    const store = memoryStore();
    await worker(store).userNewSale({ service: 'PROFESSIONAL' });
    const offsetRecord = (await store.list()).find((r) => r.key === 'clock:offset')!;
    // Another worker learned a different offset: a new worker signs with it (and the server refuses it once).
    await store.set(offsetRecord.scope, 'clock:offset', { state: 'valid', value: { offsetMs: -500_000 } });
    mock.requests.splice(0);
    await worker(store).userNewSale({ service: 'PROFESSIONAL' });
    expect(components()).toEqual(['user.newsale', 'ztime', 'user.newsale']);
  });
});
