// Purchase intents on the wire, against the tiny simulator (it counts purchases): what a second call with the same
// intentId sends (nothing, or the same key) after each way the first one can end, a crash included.
import type { FaultRule } from '@creditkit/mock';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../client.js';
import { AlreadyAppliedError, ApiError, IntentInFlightError, OutcomeUnknownError, ValidationError } from '../errors.js';
import { type IntentValue, intentKey } from './intent-record.js';
import { memoryStore } from './memory-store.js';
import { canonicalJson, sha256Hex } from './scope.js';
import type { StateStore } from './state-store.js';

const server = useTinyMock();
const fault = (kind: 'reset-after' | 'reset-before'): FaultRule => ({ provider: 'tiny', fault: { kind } });
const status = (code: number, headers?: Record<string, string>): FaultRule => ({ provider: 'tiny', fault: { kind: 'status', status: code, ...(headers ? { headers } : {}) } });

function client(store: StateStore, options: ClientOptions = {}) {
  return createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), store, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
}
const buyUnsafe = (c: ReturnType<typeof client>, intentId: string, credits = 3) => c.call(tinyOperations.buyUnsafe, { credits }, { intentId });
const buyKeyed = (c: ReturnType<typeof client>, intentId: string, options = {}) => c.call(tinyOperations.buyKeyed, { credits: 3 }, { intentId, ...options });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);
const intentOf = async (store: StateStore, id: string) => {
  const [found] = (await store.list({ prefix: intentKey(id) })).filter((r) => r.key === intentKey(id));
  return found && { state: found.record.state, value: found.record.value as unknown as IntentValue, scope: found.scope };
};
const keysSent = () => server.mock.requests.map((r) => (r.body ? JSON.parse(r.body).key : undefined));

describe('purchase intents (memoryStore)', () => {
  it('an applied intent returns its stored result, and nothing is sent again', async () => {
    const store = memoryStore();
    const first = await buyUnsafe(client(store), 'order-1');
    const again = await buyUnsafe(client(store), 'order-1');
    expect(again).toEqual(first);
    expect(server.mock.requests).toHaveLength(1);
    expect(server.sim.purchases).toHaveLength(1);
    const record = await intentOf(store, 'order-1');
    expect(record?.state).toBe('applied');
    expect(record?.value.result).toEqual(first);
    expect(record?.value.attempts).toHaveLength(1);
  });

  it('an unsafe purchase in doubt is never resent: the second call throws OutcomeUnknownError, nothing sent', async () => {
    const store = memoryStore();
    server.mock.faults.add(fault('reset-after'));
    expect(await caught(buyUnsafe(client(store), 'order-2'))).toBeInstanceOf(OutcomeUnknownError);
    const second = await caught(buyUnsafe(client(store), 'order-2'));
    expect(second).toBeInstanceOf(OutcomeUnknownError);
    expect(server.mock.requests).toHaveLength(1);
    expect(server.sim.purchases).toHaveLength(1);
    expect((await intentOf(store, 'order-2'))?.state).toBe('in_doubt');
  });

  it('a keyed purchase in doubt is resent with the SAME key, and a 409 on it means the first was applied', async () => {
    const store = memoryStore();
    server.mock.faults.add(fault('reset-after'));
    const first = await caught(buyKeyed(client(store, { maxRetries: 0 }), 'order-3'));
    expect(first?.name).toMatch(/ConnectionError|TimeoutError/);
    const record = await intentOf(store, 'order-3');
    expect(record?.state).toBe('in_doubt');
    const second = await caught(buyKeyed(client(store), 'order-3'));
    expect(second).toBeInstanceOf(AlreadyAppliedError);
    expect(keysSent()).toEqual([record!.value.idempotencyKey, record!.value.idempotencyKey]);
    expect(server.sim.purchases).toHaveLength(1);
    expect((await intentOf(store, 'order-3'))?.state).toBe('applied');
    // Applied without a result: the same AlreadyAppliedError again, nothing sent.
    expect(await caught(buyKeyed(client(store), 'order-3'))).toBeInstanceOf(AlreadyAppliedError);
    expect(server.mock.requests).toHaveLength(2);
  });

  it('a keyed purchase lost before processing is resent with the same key and applied once', async () => {
    const store = memoryStore();
    server.mock.faults.add(fault('reset-before'));
    await caught(buyKeyed(client(store, { maxRetries: 0 }), 'order-4'));
    const result = await buyKeyed(client(store), 'order-4');
    const keys = keysSent();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(result).toMatchObject({ key: keys[0] });
    expect(server.sim.purchases).toHaveLength(1);
    // Applied now: the result, not the earlier attempt's error, is what a third call gets back.
    expect(await buyKeyed(client(store), 'order-4')).toEqual(result);
    expect(server.mock.requests).toHaveLength(2);
  });

  it('a definitive refusal is replayed as the same typed error, nothing sent', async () => {
    const store = memoryStore();
    server.mock.faults.add(status(400));
    const first = await caught(buyUnsafe(client(store), 'order-5'));
    expect(first).toBeInstanceOf(ApiError);
    const second = await caught(buyUnsafe(client(store), 'order-5'));
    expect(second).toBeInstanceOf(ApiError);
    expect(second).toMatchObject({ name: 'ApiError', status: 400, provider: 'tiny' });
    expect(second?.message).toBe(first?.message);
    expect(server.mock.requests).toHaveLength(1);
    expect((await intentOf(store, 'order-5'))).toMatchObject({ state: 'failed', value: { definitive: true } });
  });

  it('a refusal before processing (429) leaves the intent free: the next call sends it', async () => {
    const store = memoryStore();
    server.mock.faults.add(status(429, { 'retry-after-ms': '1' }));
    expect(await caught(buyUnsafe(client(store, { maxRetries: 0 }), 'order-6'))).toMatchObject({ name: 'RateLimitError' });
    expect((await intentOf(store, 'order-6'))).toMatchObject({ state: 'failed', value: { definitive: false } });
    await buyUnsafe(client(store), 'order-6');
    expect(server.sim.purchases).toHaveLength(1);
    expect((await intentOf(store, 'order-6'))?.state).toBe('applied');
  });

  it('refuses the same intent id with other input, naming the intent, before sending', async () => {
    const store = memoryStore();
    await buyUnsafe(client(store), 'order-7', 3);
    const error = await caught(buyUnsafe(client(store), 'order-7', 4));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.message).toContain('order-7');
    expect((error as ValidationError).issues[0]?.rule).toBe('intentId');
    expect(server.mock.requests).toHaveLength(1);
  });

  it('refuses an unusable intent id before anything', async () => {
    for (const bad of ['', 'a\nb', 'x'.repeat(257), 42]) {
      const error = await caught(client(memoryStore()).call(tinyOperations.buyUnsafe, { credits: 1 }, { intentId: bad as string }));
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect(server.mock.requests).toHaveLength(0);
  });

  it('many concurrent calls of one intent buy once, and all see the one result', async () => {
    const store = memoryStore();
    const results = await Promise.all(Array.from({ length: 10 }, () => buyUnsafe(client(store), 'order-8')));
    expect(server.sim.purchases).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('waits for a live holder, then throws IntentInFlightError without sending', async () => {
    const store = memoryStore();
    const c = client(store, { intentWaitMs: 120 });
    await buyUnsafe(c, 'warm-up');
    const { scope } = (await intentOf(store, 'warm-up'))!;
    await store.claim(scope, intentKey('order-9'), 'another-worker', 10_000);
    const started = Date.now();
    const error = await caught(buyUnsafe(c, 'order-9'));
    expect(error).toBeInstanceOf(IntentInFlightError);
    expect((error as IntentInFlightError).intentId).toBe('order-9');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(server.mock.requests).toHaveLength(1);
  });

  describe('after a worker crashed (its lease ran out)', () => {
    async function crashed(state: 'claimed' | 'sent', op: 'unsafe' | 'keyed', id: string) {
      const store = memoryStore();
      const c = client(store, { intentLeaseMs: 100 });
      await buyUnsafe(c, `warm-${id}`);
      server.mock.requests.splice(0);
      const { scope } = (await intentOf(store, `warm-${id}`))!;
      const input = { credits: 3 };
      const value = {
        intentId: id, provider: 'tiny', operation: op === 'unsafe' ? 'buyUnsafe' : 'buyKeyed', fingerprint: await sha256Hex(canonicalJson(input)),
        input: op === 'keyed' ? { ...input, key: 'key-from-the-dead-worker' } : input, idempotencyKey: op === 'keyed' ? 'key-from-the-dead-worker' : null,
        createdAt: 1, updatedAt: 1, attempts: [], mayBeApplied: false,
      };
      await store.set(scope, intentKey(id), { state, value });
      await store.claim(scope, intentKey(id), 'dead-worker', 50);
      await new Promise((r) => setTimeout(r, 80));
      return { store, c };
    }

    it('unsafe, sent: in doubt, OutcomeUnknownError with what was sent, nothing sent', async () => {
      const { store, c } = await crashed('sent', 'unsafe', 'order-10');
      const error = await caught(buyUnsafe(c, 'order-10'));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as OutcomeUnknownError).reconcile.input).toEqual({ credits: 3 });
      expect(server.mock.requests).toHaveLength(0);
      expect((await intentOf(store, 'order-10'))?.state).toBe('in_doubt');
    });

    it('keyed, sent: resent with the dead worker’s key', async () => {
      const { store, c } = await crashed('sent', 'keyed', 'order-11');
      await buyKeyed(c, 'order-11');
      expect(keysSent()).toEqual(['key-from-the-dead-worker']);
      expect((await intentOf(store, 'order-11'))?.state).toBe('applied');
    });

    it('unsafe, claimed (it never sent): sent now, once', async () => {
      const { store, c } = await crashed('claimed', 'unsafe', 'order-12');
      await buyUnsafe(c, 'order-12');
      expect(server.mock.requests).toHaveLength(1);
      expect((await intentOf(store, 'order-12'))?.state).toBe('applied');
    });
  });

  it('keeps no secret in the store', async () => {
    const store = memoryStore();
    server.mock.faults.add(status(400));
    await caught(buyUnsafe(client(store), 'order-13'));
    await buyUnsafe(client(store), 'order-14');
    expect(JSON.stringify(await store.list())).not.toContain(TINY_KEY);
  });
});
