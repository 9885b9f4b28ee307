// Purchase intents at their edges: a store that fails or loses a race, what each failure leaves the intent in,
// and the errors' fields. (intents.test.ts holds the main paths.)
import type { FaultRule } from '@creditkit/mock';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../client.js';
import { ConnectionError, OutcomeUnknownError, ServerError, type ValidationError } from '../errors.js';
import type { LogLine } from '../plugins/logger.js';
import type { Transport } from '../transport/transport.js';
import { type IntentValue, intentKey } from './intent-record.js';
import { memoryStore } from './memory-store.js';
import type { StateStore } from './state-store.js';

const server = useTinyMock();
const status = (code: number, headers?: Record<string, string>): FaultRule => ({ provider: 'tiny', fault: { kind: 'status', status: code, ...(headers ? { headers } : {}) } });
const client = (store: StateStore, options: ClientOptions = {}) =>
  createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), store, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
const buy = (c: ReturnType<typeof client>, intentId: string) => c.call(tinyOperations.buyUnsafe, { credits: 3 }, { intentId });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);
const stateOf = async (store: StateStore, id: string) => {
  const found = (await store.list({ prefix: intentKey(id) })).find((r) => r.key === intentKey(id));
  return found && { state: found.record.state, value: found.record.value as unknown as IntentValue };
};
/** A memoryStore whose methods can be made to fail or lie, one at a time. */
function unreliable(overrides: Partial<Record<keyof StateStore, (...args: never[]) => unknown>>): StateStore {
  const inner = memoryStore();
  return new Proxy(inner, { get: (target, name: keyof StateStore) => (overrides[name] as never) ?? target[name] }) as StateStore;
}
const refusing: Transport = async () => {
  throw new ConnectionError('connect ECONNREFUSED', { requestSent: false });
};

describe('intents at the edges', () => {
  it('a store that fails while claiming is a ConnectionError that names it; nothing is sent', async () => {
    const store = unreliable({ claim: async () => { throw new Error('redis: connection lost'); } });
    const error = await caught(buy(client(store), 'e-1'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', requestSent: false, provider: 'tiny', operation: 'buyUnsafe' });
    expect(error?.message).toContain('memory');
    expect(error?.message).toContain('e-1');
    expect(server.mock.requests).toHaveLength(0);
  });

  it('an aborted call while claiming stays an abort, not a store failure', async () => {
    const controller = new AbortController();
    const store = unreliable({ claim: async () => { controller.abort(); throw new Error('interrupted'); } });
    const error = await caught(client(store).call(tinyOperations.buyUnsafe, { credits: 3 }, { intentId: 'e-2', signal: controller.signal }));
    expect(error?.message).toBe('interrupted');
  });

  it('an intent id error names the option and its rule, with the operation', async () => {
    const error = (await caught(client(memoryStore()).call(tinyOperations.buyUnsafe, { credits: 1 }, { intentId: 'x'.repeat(257) }))) as ValidationError;
    expect(error.issues).toEqual([{ path: 'intentId', rule: 'intentId', message: expect.stringContaining('1 to 256 characters') }]);
    expect(error).toMatchObject({ provider: 'tiny', operation: 'buyUnsafe' });
    await client(memoryStore()).call(tinyOperations.buyUnsafe, { credits: 1 }, { intentId: 'y'.repeat(256) });
    expect(server.mock.requests).toHaveLength(1);
  });

  it('a mismatch error names the provider and operation', async () => {
    const store = memoryStore();
    await buy(client(store), 'e-3');
    const error = await caught(client(store).call(tinyOperations.buyUnsafe, { credits: 9 }, { intentId: 'e-3' }));
    expect(error).toMatchObject({ name: 'ValidationError', provider: 'tiny', operation: 'buyUnsafe' });
  });

  it('an unsafe purchase answered 500 is in doubt, and replayed as the same ServerError without sending', async () => {
    const store = memoryStore();
    server.mock.faults.add(status(500));
    expect(await caught(buy(client(store), 'e-4'))).toBeInstanceOf(ServerError);
    expect((await stateOf(store, 'e-4'))?.state).toBe('in_doubt');
    const again = await caught(buy(client(store), 'e-4'));
    expect(again).toBeInstanceOf(ServerError);
    expect(server.mock.requests).toHaveLength(1);
  });

  it('a 503 naming when to come back leaves the intent free; one without does not', async () => {
    const store = memoryStore();
    server.mock.faults.add(status(503, { 'retry-after-ms': '1' }));
    await caught(buy(client(store, { maxRetries: 0 }), 'e-5'));
    expect(await stateOf(store, 'e-5')).toMatchObject({ state: 'failed', value: { definitive: false } });
    server.mock.faults.add(status(503));
    await caught(buy(client(store, { maxRetries: 0 }), 'e-6'));
    expect((await stateOf(store, 'e-6'))?.state).toBe('in_doubt');
  });

  it('a connection that never opened leaves the intent free for the next call', async () => {
    const store = memoryStore();
    await caught(buy(client(store, { transport: refusing, maxRetries: 1 }), 'e-7'));
    expect(await stateOf(store, 'e-7')).toMatchObject({ state: 'failed', value: { definitive: false } });
    await buy(client(store), 'e-7');
    expect(server.sim.purchases).toHaveLength(1);
    expect((await stateOf(store, 'e-7'))?.state).toBe('applied');
  });

  it('a worker that lost its lease before sending stops, sends nothing, and says so', async () => {
    let claims = 0;
    const inner = memoryStore();
    const store = unreliable({ claim: (async (scope: string, key: string, owner: string, ttl: number) => (++claims > 1 && key.startsWith('intent:') ? { claimed: false, owner: 'thief', expiresAt: Date.now() + 1000 } : inner.claim(scope, key, owner, ttl))) as never, get: inner.get as never, compareAndSet: inner.compareAndSet as never, list: inner.list as never });
    const error = await caught(buy(client(store, { maxRetries: 0 }), 'e-8'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'INTENT_LEASE_LOST', requestSent: false, provider: 'tiny' });
    expect(error?.message).toContain('e-8');
    expect(server.mock.requests).toHaveLength(0);
  });

  it('an end the store would not record is logged, and the call still returns its result', async () => {
    const lines: LogLine[] = [];
    const inner = memoryStore();
    const store = unreliable({ compareAndSet: (async (scope: string, key: string, expected: string | undefined, record: { state: string }, ttl?: number) => (record.state === 'applied' ? false : inner.compareAndSet(scope, key, expected, record as never, ttl))) as never, claim: inner.claim as never, get: inner.get as never, release: inner.release as never });
    const result = await buy(client(store, { logger: (l) => lines.push(l), logLevel: 'debug' }), 'e-9');
    expect(result).toMatchObject({ id: 1 });
    expect(lines.find((l) => l.event === 'intent.settle-lost')).toMatchObject({ level: 'warn', intentId: 'e-9', state: 'applied' });
  });

  it('a store that fails while recording the end is logged as an error, and the result still returned', async () => {
    const lines: LogLine[] = [];
    const inner = memoryStore();
    const store = unreliable({ compareAndSet: (async (scope: string, key: string, expected: string | undefined, record: { state: string }, ttl?: number) => { if (record.state === 'applied') throw new Error('disk full'); return inner.compareAndSet(scope, key, expected, record as never, ttl); }) as never, claim: inner.claim as never, get: inner.get as never, release: inner.release as never });
    const result = await buy(client(store, { logger: (l) => lines.push(l) }), 'e-10');
    expect(result).toMatchObject({ id: 1 });
    expect(lines.find((l) => l.event === 'intent.settle-failed')).toMatchObject({ level: 'error', intentId: 'e-10', error: 'disk full' });
    // Left `sent`: the next call reads it as in doubt once its lease runs out, never as free.
    expect((await stateOf(inner, 'e-10'))?.state).toBe('sent');
  });

  it('an unsafe intent in doubt after a crash stays in doubt on every later call', async () => {
    const store = memoryStore();
    const c = client(store, { intentLeaseMs: 100 });
    await buy(c, 'warm');
    const scope = (await store.list())[0]!.scope;
    server.mock.requests.splice(0);
    const { sha256Hex, canonicalJson } = await import('./scope.js');
    const value = { intentId: 'e-11', provider: 'tiny', operation: 'buyUnsafe', fingerprint: await sha256Hex(canonicalJson({ credits: 3 })), input: { credits: 3 }, idempotencyKey: null, createdAt: 1, updatedAt: 1, attempts: [], mayBeApplied: false };
    await store.set(scope, intentKey('e-11'), { state: 'sent', value });
    for (let i = 0; i < 3; i++) expect(await caught(buy(c, 'e-11'))).toBeInstanceOf(OutcomeUnknownError);
    expect(server.mock.requests).toHaveLength(0);
  });
});
