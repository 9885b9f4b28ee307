// Proactive quotas for Fusebill: the per-minute budget learned from its X-Rate-Limit-* headers (or given) is kept by
// every worker sharing the store, so the account stays under it instead of meeting 429s.
import { memoryStore, type StateStore } from '@creditkit/core';
import { useMockServer } from '@creditkit/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { createFusebillClient, type FusebillClientOptions } from './index.js';

const mock = useMockServer({ providers: ['fusebill'] });
const sim = () => mock.simulators.fusebill;
afterEach(() => sim().reset());
const worker = (store: StateStore, options: FusebillClientOptions = {}) =>
  createFusebillClient({ ...mock.credentials.fusebill, baseUrl: mock.url('fusebill'), store, maxRetries: 0, ...options });
let n = 0;
const buy = (w: ReturnType<typeof worker>) => w.createPurchaseProductItem({ purchaseId: 556891, reference: `q-${++n}`, name: 'code' }).then(() => 'ok', (e: Error) => e.name);

describe('Fusebill proactive quotas', () => {
  it('learns the per-minute and per-day budgets from the headers and shares them through the store', async () => {
    const store = memoryStore();
    const w = worker(store);
    await buy(w);
    await buy(w);
    const [windows] = (await store.list()).filter((r) => r.key === 'quota:windows');
    expect(windows?.record.value).toEqual({ minute: { points: 50, durationMs: 60_000 }, day: { points: 5000, durationMs: 86_400_000 } });
  });

  it('with a budget of 4 per minute, 3 workers making 12 purchases send only 4: no 429: the rest wait or fail unsent', async () => {
    const store = memoryStore();
    sim().limits.perMinute = 4;
    const workers = Array.from({ length: 3 }, () => worker(store, { retry: { maxRetryAfterMs: 200 } }));
    await buy(workers[0]!);
    await buy(workers[0]!);
    const ends = await Promise.all(Array.from({ length: 10 }, (_, i) => buy(workers[i % 3]!)));
    expect(mock.requests.length).toBe(4);
    expect(ends.filter((e) => e === 'ok')).toHaveLength(2);
    // Refused before sending, by the shared budget, with the server never asked.
    expect(ends.filter((e) => e === 'RateLimitError')).toHaveLength(8);
  });

  it('the same purchases with quotas off meet the server’s 429s', async () => {
    const store = memoryStore();
    sim().limits.perMinute = 4;
    const workers = Array.from({ length: 3 }, () => worker(store, { quotas: false }));
    const ends = await Promise.all(Array.from({ length: 12 }, (_, i) => buy(workers[i % 3]!)));
    expect(ends.filter((e) => e === 'ok')).toHaveLength(4);
    expect(mock.requests.length).toBe(12);
  });

  it('a configured window wins over the headers, and a spent one waits for its end', async () => {
    const store = memoryStore();
    const w = worker(store, { quotas: { windows: { minute: { points: 2, durationMs: 300 } } } });
    const started = Date.now();
    const ends = await Promise.all(Array.from({ length: 5 }, () => buy(w)));
    expect(ends).toEqual(Array(5).fill('ok'));
    // 5 requests at 2 per 300 ms: the last two waited for two window ends.
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });
});
