// The intent rules a mutation would otherwise slip past: which failures leave an intent in doubt, the lease kept
// alive while a call runs and freed after a replay, a lost write race, the attempt history, the log lines.
import type { FaultRule } from '@creditkit/mock';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../client.js';
import { AlreadyAppliedError, IntentInFlightError, OutcomeUnknownError, ValidationError } from '../errors.js';
import type { LogLine } from '../plugins/logger.js';
import { type IntentValue, intentKey } from './intent-record.js';
import { memoryStore } from './memory-store.js';
import { canonicalJson, sha256Hex } from './scope.js';
import type { StateStore } from './state-store.js';

const server = useTinyMock();
const status = (code: number, headers?: Record<string, string>): FaultRule => ({ provider: 'tiny', fault: { kind: 'status', status: code, ...(headers ? { headers } : {}) } });
const client = (store: StateStore, options: ClientOptions = {}) =>
  createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), store, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
const unsafe = (c: ReturnType<typeof client>, id: string) => c.call(tinyOperations.buyUnsafe, { credits: 3 }, { intentId: id });
const keyed = (c: ReturnType<typeof client>, id: string) => c.call(tinyOperations.buyKeyed, { credits: 3 }, { intentId: id });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);
const recordOf = async (store: StateStore, id: string) => {
  const found = (await store.list({ prefix: intentKey(id) })).find((r) => r.key === intentKey(id));
  return found && { state: found.record.state, value: found.record.value as unknown as IntentValue, scope: found.scope };
};

describe('intent rules', () => {
  it('refuses an intent id reused for another operation, even with the same input, and frees the lease', async () => {
    const store = memoryStore();
    await unsafe(client(store), 'r-1');
    expect(await caught(keyed(client(store), 'r-1'))).toBeInstanceOf(ValidationError);
    const { scope } = (await recordOf(store, 'r-1'))!;
    expect(await store.claim(scope, intentKey('r-1'), 'someone-else', 1000)).toEqual({ claimed: true });
  });

  it('frees the lease after replaying an applied intent', async () => {
    const store = memoryStore();
    await unsafe(client(store), 'r-2');
    await unsafe(client(store), 'r-2');
    const { scope } = (await recordOf(store, 'r-2'))!;
    expect(await store.claim(scope, intentKey('r-2'), 'someone-else', 1000)).toEqual({ claimed: true });
  });

  it('replays the very OutcomeUnknownError the first call ended with', async () => {
    const store = memoryStore();
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'reset-after' } });
    const first = await caught(unsafe(client(store), 'r-3'));
    const again = await caught(unsafe(client(store), 'r-3'));
    expect(again).toBeInstanceOf(OutcomeUnknownError);
    expect(again?.message).toBe(first?.message);
  });

  it('reads the record again when its first write loses a race, and still buys once', async () => {
    const inner = memoryStore();
    let lied = false;
    const store: StateStore = {
      ...inner,
      name: inner.name,
      compareAndSet: async (scope, key, expected, record, ttl) => {
        if (!lied && expected === undefined && key.startsWith('intent:')) {
          lied = true;
          return false;
        }
        return inner.compareAndSet(scope, key, expected, record, ttl);
      },
    };
    await unsafe(client(store), 'r-4');
    expect(lied).toBe(true);
    expect(server.sim.purchases).toHaveLength(1);
    expect((await recordOf(inner, 'r-4'))?.state).toBe('applied');
  });

  it('keeps the lease alive while a slow call runs: another worker waits, it does not take over', async () => {
    const store = memoryStore();
    const slow = { name: 'slow', hooks: { beforeSend: async () => void (await new Promise((r) => setTimeout(r, 600))) } };
    const running = unsafe(client(store, { intentLeaseMs: 150, plugins: [slow] }), 'r-5');
    await new Promise((r) => setTimeout(r, 350));
    const other = await caught(unsafe(client(store, { intentLeaseMs: 150, intentWaitMs: 0 }), 'r-5'));
    expect(other).toBeInstanceOf(IntentInFlightError);
    await running;
    expect(server.sim.purchases).toHaveLength(1);
  });

  it('a keyed purchase with an ambiguous attempt, then a refusal, is in doubt (the first may have been applied)', async () => {
    const store = memoryStore();
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'reset-after' } }, status(400));
    await caught(keyed(client(store, { maxRetries: 1 }), 'r-6'));
    expect((await recordOf(store, 'r-6'))?.state).toBe('in_doubt');
  });

  it.each([
    ['500 with Retry-After', 500, { 'retry-after': '0' }],
    ['408', 408, undefined],
  ])('an unsafe purchase answered %s is in doubt, not free', async (_name, code, headers) => {
    const store = memoryStore();
    server.mock.faults.add(status(code, headers));
    await caught(unsafe(client(store, { maxRetries: 0 }), `r-7-${code}`));
    expect((await recordOf(store, `r-7-${code}`))?.state).toBe('in_doubt');
  });

  it('records every attempt: its number, whether it was ambiguous, its error and the worker', async () => {
    const store = memoryStore();
    server.mock.faults.add(status(500));
    await keyed(client(store), 'r-8');
    const { value } = (await recordOf(store, 'r-8'))!;
    expect(value.attempts).toEqual([
      // A 500 does not say the work was not done: the attempt may have been applied.
      { at: expect.any(Number), attempt: 1, ambiguous: true, error: 'ServerError', worker: expect.any(String) },
      { at: expect.any(Number), attempt: 2, ambiguous: false, error: null, worker: value.attempts[0]!.worker },
    ]);
  });

  it('a keyed intent its crashed worker sent and the server applied: resent with its key, and the 409 means done', async () => {
    const store = memoryStore();
    const lines: LogLine[] = [];
    const c = client(store, { intentLeaseMs: 100, logger: (l) => lines.push(l) });
    await unsafe(c, 'warm');
    const { scope } = (await recordOf(store, 'warm'))!;
    const value = {
      intentId: 'r-9', provider: 'tiny', operation: 'buyKeyed', fingerprint: await sha256Hex(canonicalJson({ credits: 3 })), input: { credits: 3, key: 'dead-key' },
      idempotencyKey: 'dead-key', createdAt: 1, updatedAt: 1, attempts: [], mayBeApplied: false,
    };
    await store.set(scope, intentKey('r-9'), { state: 'sent', value });
    server.sim.purchases.push({ key: 'dead-key', credits: 3 });
    expect(await caught(keyed(c, 'r-9'))).toBeInstanceOf(AlreadyAppliedError);
    expect(lines.find((l) => l.event === 'intent.in-doubt')).toMatchObject({ level: 'warn', intentId: 'r-9', reason: expect.stringContaining('stopped') });
    expect(lines.find((l) => l.event === 'intent.resumed')).toMatchObject({ level: 'info', intentId: 'r-9', from: 'in_doubt', idempotencyKey: 'dead-key' });
    expect(server.sim.purchases).toHaveLength(2);
  });
});
