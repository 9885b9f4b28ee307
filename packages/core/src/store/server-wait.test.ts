// A server-requested wait shared through the store: the 429 one worker meets pauses the account's other workers
// (on the wire: their requests arrive after the wait), and without a store nothing is shared.
import type { FaultRule } from '@creditkit/mock';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../client.js';
import { memoryStore } from './memory-store.js';

const server = useTinyMock();
const busy = (ms: number): FaultRule => ({ provider: 'tiny', fault: { kind: 'status', status: 429, headers: { 'retry-after-ms': String(ms) } } });
const worker = (options: ClientOptions) => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), maxRetries: 0, ...options });
const balance = (c: ReturnType<typeof worker>) => c.call(tinyOperations.getBalance, { account: 'a1' }).then(() => 'ok', (e: Error) => e.name);

describe('server waits shared by the workers of an account', () => {
  it('a 429 with a wait met by one worker delays the next request of another', async () => {
    const store = memoryStore();
    const [a, b] = [worker({ store }), worker({ store })];
    server.mock.faults.add(busy(400));
    const started = Date.now();
    expect(await balance(a)).toBe('RateLimitError');
    expect(await balance(b)).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(server.mock.requests).toHaveLength(2);
  });

  it('a wait beyond the other worker’s budget fails it unsent, as a RateLimitError', async () => {
    const store = memoryStore();
    const [a, b] = [worker({ store }), worker({ store, retry: { maxRetryAfterMs: 100 } })];
    server.mock.faults.add(busy(5000));
    expect(await balance(a)).toBe('RateLimitError');
    const started = Date.now();
    expect(await balance(b)).toBe('RateLimitError');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.mock.requests).toHaveLength(1);
  });

  it('without a store, another client does not wait', async () => {
    server.mock.faults.add(busy(5000));
    expect(await balance(worker({}))).toBe('RateLimitError');
    const started = Date.now();
    expect(await balance(worker({}))).toBe('ok');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('a store that fails while sharing a wait', () => {
  it('leaves the call’s own end as it was, and says so in the log', async () => {
    const inner = memoryStore();
    const lines: { event: string; level: string; step?: string }[] = [];
    const store = { ...inner, name: 'memory', set: async () => { throw new Error('disk full'); } };
    server.mock.faults.add(busy(200));
    expect(await balance(worker({ store, logger: (l) => lines.push(l as never) }))).toBe('RateLimitError');
    expect(lines.find((l) => l.event === 'store.failed')).toMatchObject({ level: 'warn', step: 'share-wait' });
  });
});
