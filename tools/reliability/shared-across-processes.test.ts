// What workers share through a store, shown across real processes (each worker a `node` process with its own
// client, all on one fileStore folder or one Redis): one 2sms token, one Safe Creative clock read, a 429's wait,
// and Fusebill's per-minute budget. The simulators count what reached them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer, type MockServer } from '@creditkit/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkerOutcome, WorkerTask } from './fixtures/store-worker.js';

const WORKER = join(import.meta.dirname, 'fixtures', 'store-worker.ts');

function runWorker(task: WorkerTask): Promise<WorkerOutcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(task)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as WorkerOutcome)) : reject(new Error(`worker exited ${code}: ${err.slice(0, 2000)}`))));
  });
}

const stores: [string, () => string][] = [['fileStore', () => `file:${mkdtempSync(join(tmpdir(), 'ck-shared-'))}`]];
if (process.env.CREDITKIT_TEST_REDIS_URL) stores.push(['redisStore', () => process.env.CREDITKIT_TEST_REDIS_URL!]);

describe.each(stores)('shared across processes through %s', (_name, newStore) => {
  let mock: MockServer;
  let store: string;
  beforeAll(async () => {
    mock = await startMockServer({ now: () => Date.now() + 120_000 });
  });
  const folders: string[] = [];
  afterAll(async () => {
    await mock.close();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });
  beforeEach(() => {
    mock.reset();
    // A fresh folder (or key space) per test: its state starts empty, as a new deployment's would.
    store = newStore();
    if (store.startsWith('file:')) folders.push(store.slice(5));
    if (store.startsWith('redis')) store = `${store}${store.includes('?') ? '&' : '?'}prefix=ck-test-${process.pid}-${Date.now()}`;
  });
  const task = (provider: string, method: string, inputs: unknown[], { clientOptions, ...extra }: Partial<WorkerTask> = {}): WorkerTask => ({
    provider, method, inputs, store, clientOptions: { ...(mock.credentials as Record<string, object>)[provider], baseUrl: mock.url(provider), ...clientOptions }, ...extra,
  });

  it('four 2sms workers, twelve purchases: one token fetch', async () => {
    const buys = (w: number) => Array.from({ length: 3 }, (_, i) => ({ Billing: { Email: `w${w}-${i}@example.com` } }));
    const results = await Promise.all([0, 1, 2, 3].map((w) => runWorker(task('accountadmin', 'purchaseCredits', buys(w)))));
    expect(results.flat().every((o) => o.ok)).toBe(true);
    expect(mock.requests.filter((r) => r.path === '/Token')).toHaveLength(1);
  });

  it('Safe Creative: the first worker reads the server clock once; three more never meet InvalidTime', async () => {
    await runWorker(task('safecreative', 'userNewSale', [{ service: 'PROFESSIONAL' }]));
    const later = await Promise.all([0, 1, 2].map(() => runWorker(task('safecreative', 'userNewSale', [{ service: 'PROFESSIONAL' }]))));
    expect(later.flat().every((o) => o.ok)).toBe(true);
    expect(mock.requests.map((r) => r.query.component)).toEqual(['user.newsale', 'ztime', 'user.newsale', 'user.newsale', 'user.newsale', 'user.newsale']);
  });

  it('a 429’s wait met by one worker delays another worker’s request', async () => {
    mock.faults.add({ provider: 'fusebill', fault: { kind: 'status', status: 429, headers: { 'retry-after-ms': '1500' } } });
    const item = (n: number) => ({ purchaseId: 556891, reference: `wait-${n}`, name: 'code' });
    const [first] = await runWorker(task('fusebill', 'createPurchaseProductItem', [item(1)], { clientOptions: { maxRetries: 0, quotas: false } }));
    expect(first).toMatchObject({ ok: false, error: 'RateLimitError' });
    const [second] = await runWorker(task('fusebill', 'createPurchaseProductItem', [item(2)], { clientOptions: { quotas: false } }));
    expect(second?.ok).toBe(true);
    // The second process started after the first ended, and still waited out most of the 1.5 s.
    expect(second!.ms).toBeGreaterThan(700);
    expect(mock.requests).toHaveLength(2);
  });

  it('Fusebill at 6 per minute: three workers, twelve purchases, never over the budget with quotas on', async () => {
    mock.simulators.fusebill.limits.perMinute = 6;
    const items = (w: number) => Array.from({ length: 4 }, (_, i) => ({ purchaseId: 556891, reference: `q-${w}-${i}`, name: 'code' }));
    // One worker learns the budget first (as a running service would have); then three share it.
    await runWorker(task('fusebill', 'createPurchaseProductItem', [{ purchaseId: 556891, reference: 'q-first', name: 'code' }]));
    const options = { clientOptions: { maxRetries: 0, retry: { maxRetryAfterMs: 100 } }, sequential: true };
    const results = (await Promise.all([0, 1, 2].map((w) => runWorker(task('fusebill', 'createPurchaseProductItem', items(w), options))))).flat();
    const fromServer = results.filter((o) => o.error === 'RateLimitError' && !o.message?.includes('nothing was sent'));
    expect(fromServer).toHaveLength(0);
    expect(results.filter((o) => o.ok)).toHaveLength(5);
    expect(mock.requests).toHaveLength(6);
  });
});
