// software_DNA's budget per period is undocumented; its 429 says only how many seconds are left. With a store, the
// first 429 pauses every worker of the account until the period ends, and teaches them the budget (the requests the
// account made in that period), so the next periods are spent without another 429.
import { memoryStore, type StateStore } from '@creditkit/core';
import { useMockServer } from '@creditkit/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { createSoftwareDnaClient, type SoftwareDnaClientOptions } from './index.js';

const mock = useMockServer({ providers: ['softwaredna'] });
const sim = () => mock.simulators.softwaredna;
afterEach(() => sim().reset());
const worker = (store: StateStore, options: SoftwareDnaClientOptions = {}) =>
  createSoftwareDnaClient({ ...mock.credentials.softwaredna, baseUrl: mock.url('softwaredna'), store, maxRetries: 0, ...options });
const query = (w: ReturnType<typeof worker>) =>
  w.queryCredits({ productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9' }).then(() => 'ok', (e: Error) => e.name);

describe('software_DNA budget learned from its 429', () => {
  it('one 429 for the account, then every worker keeps under the learned budget', async () => {
    sim().settings.requestsPerPeriod = 4;
    sim().settings.periodMs = 1000;
    const store = memoryStore();
    const [a, b] = [worker(store), worker(store)];
    const first = [];
    for (let i = 0; i < 5; i++) first.push(await query(i % 2 ? b : a));
    expect(first).toEqual(['ok', 'ok', 'ok', 'ok', 'RateLimitError']);
    const [learned] = (await store.list()).filter((r) => r.key === 'quota:windows');
    expect(learned?.record.value).toMatchObject({ period: { points: 4 } });
    // The other worker was paused by the 429 it never met, then both share the learned budget: 12 queries, 3 periods.
    const started = Date.now();
    const later = await Promise.all(Array.from({ length: 12 }, (_, i) => query(i % 2 ? b : a)));
    expect(later).toEqual(Array(12).fill('ok'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});
