// `creditkit intents list|show|resolve` through the command runner, on records seeded in a store handed to
// `run()` (an embedding app's store; the same object across invocations, as a shared store would be). What a
// user sees: the table and JSON, the exit codes, what the store holds afterwards, and nothing raw on the terminal.
// The same commands across processes, on a `file:` store: intents-file-store.test.ts.
import { type IntentValue, intentKey, memoryStore, type StateStore, type StoredRecord } from '@creditkit/core';
import { lines } from '@creditkit/test-support/cli';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Io } from './io.js';
import { run } from './run.js';

/** Runs the command in this process with `store` handed to it, as `runInProcess` does without one. */
async function runWith(store: StateStore | undefined, argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    readStdin: async () => '',
    onInterrupt: () => () => {},
  };
  const code = await run(argv, io, store ? { store } : {});
  return { code, stdout, stderr };
}

const SCOPE = 'fusebill:3f9a0c';
const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
// biome-ignore lint/suspicious/noControlCharactersInRegex: these very characters are what the test looks for.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function value(id: string, over: Partial<IntentValue> = {}): IntentValue {
  return {
    intentId: id, provider: 'fusebill', operation: 'createPurchaseProductItem', fingerprint: 'f0', input: { purchaseId: 556891, reference: id },
    idempotencyKey: id, createdAt: T0, updatedAt: T0, attempts: [{ at: T0, attempt: 1, ambiguous: true, error: 'ConnectionError', worker: 'w-1' }], mayBeApplied: true, ...over,
  };
}
const put = (store: StateStore, id: string, state: string, over: Partial<IntentValue> = {}, scope = SCOPE) =>
  store.set(scope, intentKey(id), { state, value: value(id, over) } as unknown as StoredRecord);
const stateOf = async (store: StateStore, id: string, scope = SCOPE) => (await store.get(scope, intentKey(id)))?.state;
const valueIn = async (store: StateStore, id: string, scope = SCOPE) => (await store.get(scope, intentKey(id)))?.value as unknown as IntentValue;

let store: StateStore;
beforeEach(async () => {
  vi.stubEnv('CREDITKIT_STORE', '');
  store = memoryStore();
  await put(store, 'order-1', 'applied', { updatedAt: T0 + 3000, result: { purchaseId: 556891, status: 'Purchased' }, attempts: [] });
  await put(store, 'order-2', 'in_doubt', { updatedAt: T0 + 2000, error: { name: 'OutcomeUnknownError', message: 'no answer', fields: {} } });
  await put(store, 'order-3', 'failed', { updatedAt: T0 + 1000, provider: 'softwaredna', operation: 'buyCredits', definitive: true });
  // Not an intent: list leaves it out.
  await store.set(SCOPE, 'token', { state: 'live', value: 'x' });
});

describe('creditkit intents list', () => {
  it('prints every intent newest first, with provider, operation, state, update time and attempts', async () => {
    const { code, stdout, stderr } = await runWith(store, ['intents', 'list']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      expect.stringMatching(/^INTENT\s+PROVIDER\s+OPERATION\s+STATE\s+UPDATED\s+ATTEMPTS$/),
      expect.stringMatching(/^order-1\s+fusebill\s+createPurchaseProductItem\s+applied\s+2026-11-30T12:00:03\.000Z\s+0$/),
      expect.stringMatching(/^order-2\s+fusebill\s+createPurchaseProductItem\s+in_doubt\s+2026-11-30T12:00:02\.000Z\s+1$/),
      expect.stringMatching(/^order-3\s+softwaredna\s+buyCredits\s+failed\s+2026-11-30T12:00:01\.000Z\s+1$/),
    ]);
  });

  it('keeps one state with --state and one provider with --provider, and prints JSON lines with --json', async () => {
    const inDoubt = await runWith(store, ['intents', 'list', '--state', 'in_doubt', '--json']);
    expect(inDoubt.code).toBe(0);
    expect(lines(inDoubt.stdout).map((l) => JSON.parse(l))).toEqual([
      { intentId: 'order-2', scope: SCOPE, provider: 'fusebill', operation: 'createPurchaseProductItem', state: 'in_doubt', updatedAt: T0 + 2000, attempts: 1 },
    ]);
    const dna = await runWith(store, ['intents', 'list', '--provider', 'softwaredna', '--json']);
    expect(lines(dna.stdout).map((l) => JSON.parse(l).intentId)).toEqual(['order-3']);
    const none = await runWith(store, ['intents', 'list', '--state', 'claimed']);
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'no intents in state claimed in the store (memory)\n' });
  });

  it('refuses a state that does not exist, naming the states (exit 2)', async () => {
    const { code, stdout, stderr } = await runWith(store, ['intents', 'list', '--state', 'done']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual(["error: --state must be one of claimed, sent, applied, failed, in_doubt; got 'done'", expect.stringMatching(/^hint: .*--state in_doubt/)]);
  });
});

describe('creditkit intents show', () => {
  it('prints the whole record: input, key, attempts, and the result or error', async () => {
    const applied = await runWith(store, ['intents', 'show', 'order-1']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^state\s+applied$/m);
    expect(applied.stdout).toMatch(/^account scope\s+fusebill:3f9a0c$/m);
    expect(applied.stdout).toMatch(/^idempotency key\s+order-1$/m);
    expect(applied.stdout).toMatch(/^input\.purchaseId\s+556891$/m);
    expect(applied.stdout).toMatch(/^result\.status\s+Purchased$/m);
    expect(applied.stdout).toMatch(/Attempts\n {2}\(none recorded\)/);
    const doubt = await runWith(store, ['intents', 'show', 'order-2']);
    expect(doubt.stdout).toMatch(/^error\s+OutcomeUnknownError: no answer$/m);
    expect(doubt.stdout).toMatch(/^ {2}1\s+2026-11-30T12:00:00\.000Z\s+w-1\s+yes\s+ConnectionError$/m);
  });

  it('prints the record as JSON with --json, and every account that holds the id', async () => {
    await put(store, 'order-2', 'applied', {}, 'fusebill:other-account');
    const { code, stdout } = await runWith(store, ['intents', 'show', 'order-2', '--json']);
    expect(code).toBe(0);
    const docs = stdout.trim().split(/\n(?=\{)/).map((d) => JSON.parse(d));
    expect(docs.map((d) => [d.scope, d.state]).sort()).toEqual([['fusebill:3f9a0c', 'in_doubt'], ['fusebill:other-account', 'applied']]);
    expect(docs.find((d) => d.state === 'in_doubt').value).toEqual(value('order-2', { updatedAt: T0 + 2000, error: { name: 'OutcomeUnknownError', message: 'no answer', fields: {} } }));
  });

  it('finds only the exact id (not one it is a prefix of), and says so when there is none (exit 3)', async () => {
    const { code, stdout, stderr } = await runWith(store, ['intents', 'show', 'order-']);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual(["error: no intent 'order-' in the store (memory)", expect.stringMatching(/^hint: check the id .*creditkit intents list/)]);
  });
});

describe('creditkit intents resolve', () => {
  it('records --applied by hand, and a second look shows who, when and why', async () => {
    const { code, stdout, stderr } = await runWith(store, ['intents', 'resolve', 'order-2', '--applied', '--note', 'invoice 88 in the account']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('intent order-2: in_doubt -> applied (recorded by hand)\n');
    const stored = await valueIn(store, 'order-2');
    expect(await stateOf(store, 'order-2')).toBe('applied');
    expect(stored.resolution).toEqual({ by: 'manual', at: expect.any(Number), note: 'invoice 88 in the account' });
    // No result was ever recorded: the next call with this id is told it was applied, and sends nothing.
    expect(stored.error).toMatchObject({ name: 'AlreadyAppliedError', message: expect.stringContaining('recorded as applied by hand') });
    expect(stored.attempts).toEqual(value('order-2').attempts);
    expect((await runWith(store, ['intents', 'show', 'order-2'])).stdout).toMatch(/^resolved\s+by hand at \S+: invoice 88 in the account$/m);
  });

  it('records --failed as not applied: the intent is free for the next call (same key)', async () => {
    const { code, stdout } = await runWith(store, ['intents', 'resolve', 'order-2', '--failed', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ intentId: 'order-2', state: 'failed', value: { definitive: false, mayBeApplied: false, idempotencyKey: 'order-2', resolution: { by: 'manual', note: null } } });
    expect(await stateOf(store, 'order-2')).toBe('failed');
  });

  it('takes exactly one of --applied and --failed (exit 2), changing nothing', async () => {
    for (const flags of [[], ['--applied', '--failed']]) {
      const { code, stderr } = await runWith(store, ['intents', 'resolve', 'order-2', ...flags]);
      expect(code).toBe(2);
      expect(lines(stderr)[0]).toBe('error: creditkit intents resolve takes exactly one of --applied or --failed');
    }
    expect(await stateOf(store, 'order-2')).toBe('in_doubt');
  });

  it('refuses a claimed or sent intent without --force, saying why; takes it with --force', async () => {
    await put(store, 'order-4', 'claimed');
    await put(store, 'order-5', 'sent');
    for (const [id, state] of [['order-4', 'claimed'], ['order-5', 'sent']] as const) {
      const { code, stderr } = await runWith(store, ['intents', 'resolve', id, '--failed']);
      expect(code).toBe(2);
      expect(lines(stderr)).toEqual([expect.stringMatching(new RegExp(`^error: intent ${id} is ${state}: a worker may be`)), expect.stringMatching(/^hint: wait for it to end .*--force/)]);
      expect(await stateOf(store, id)).toBe(state);
    }
    expect((await runWith(store, ['intents', 'resolve', 'order-5', '--applied', '--force'])).code).toBe(0);
    expect(await stateOf(store, 'order-5')).toBe('applied');
  });

  it('records nothing when a worker moved the intent meanwhile, and says to look again (exit 7)', async () => {
    // A worker settles the intent between the command's read and its compare-and-set.
    const racing: StateStore = {
      ...store,
      async compareAndSet(scope, key, expected, record, ttlMs) {
        await store.set(scope, key, { state: 'applied', value: value('order-2', { result: { by: 'the worker' } }) } as unknown as StoredRecord);
        return store.compareAndSet(scope, key, expected, record, ttlMs);
      },
    };
    const { code, stderr } = await runWith(racing, ['intents', 'resolve', 'order-2', '--failed']);
    expect(code).toBe(7);
    expect(lines(stderr)).toEqual([
      'error: intent order-2 changed while it was being resolved (it is no longer in_doubt); nothing was recorded',
      'hint: look at it again (creditkit intents show order-2) and resolve it again if it still needs it',
    ]);
    expect(await valueIn(store, 'order-2')).toMatchObject({ result: { by: 'the worker' } });
    expect((await valueIn(store, 'order-2')).resolution).toBeUndefined();
  });

  it('refuses an id held by two accounts: it cannot tell which one was checked', async () => {
    await put(store, 'order-2', 'in_doubt', {}, 'fusebill:other-account');
    const { code, stderr } = await runWith(store, ['intents', 'resolve', 'order-2', '--applied']);
    expect(code).toBe(2);
    expect(lines(stderr)[0]).toBe('error: intent order-2 is in 2 accounts of this store; resolve cannot tell which one you checked');
    expect(await stateOf(store, 'order-2')).toBe('in_doubt');
  });
});

describe('creditkit intents: usage', () => {
  it('needs a store: without --store or CREDITKIT_STORE every command is a usage error (exit 2)', async () => {
    for (const argv of [['intents', 'list'], ['intents', 'show', 'order-1'], ['intents', 'resolve', 'order-1', '--applied']]) {
      const { code, stdout, stderr } = await runWith(undefined, argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(lines(stderr)).toEqual([`error: ${argv.slice(0, 2).map((a) => (a === 'intents' ? 'creditkit intents' : a)).join(' ')} needs a store: pass --store or set CREDITKIT_STORE`, expect.stringMatching(/^hint: e\.g\. --store file:/)]);
    }
  });

  it('names the subcommands and asks for an id (exit 2)', async () => {
    expect(lines((await runWith(store, ['intents'])).stderr)).toEqual(['error: which intents command?', 'hint: choose list, show, resolve (creditkit intents --help)']);
    expect(lines((await runWith(store, ['intents', 'purge'])).stderr)[0]).toBe("error: intents has no command 'purge'");
    const noId = await runWith(store, ['intents', 'show']);
    expect(noId.code).toBe(2);
    expect(lines(noId.stderr)[0]).toBe('error: creditkit intents show needs an intent id');
  });

  it('shows ids, providers, inputs and results holding escape characters escaped, in the table, the record and errors', async () => {
    const evil = 'ord\x1b]52;c;eA==\x07\r\u202Eer';
    await put(store, evil, 'in_doubt', { updatedAt: T0 + 9000, provider: 'fuse\x1b[2Jbill', input: { reference: 'r\nhint: forged' }, error: { name: 'ApiError', message: 'bad\r\x1b[31m', fields: {} } });
    const runs = [
      await runWith(store, ['intents', 'list']),
      await runWith(store, ['intents', 'list', '--json']),
      await runWith(store, ['intents', 'show', evil]),
      await runWith(store, ['intents', 'show', evil, '--json']),
      await runWith(store, ['intents', 'resolve', `${evil}x`, '--applied']),
      await runWith(store, ['intents', 'list', '--state', `\x1b[2J${evil}`]),
    ];
    for (const { stdout, stderr } of runs) {
      expect(RAW_CONTROL.exec(stdout)).toBeNull();
      expect(RAW_CONTROL.exec(stderr)).toBeNull();
    }
    const [table, json, shown, shownJson, notFound] = runs;
    expect(lines(table!.stdout)[1]).toMatch(/^ord\\x1b\]52;c;eA==\\x07\\r\\u202eer\s+fuse\\x1b\[2Jbill\s/);
    expect(JSON.parse(lines(json!.stdout)[0]!).intentId).toBe(evil);
    expect(shown!.stdout).toMatch(/^input\.reference\s+r\\nhint: forged$/m);
    expect(shown!.stdout).not.toMatch(/^hint:/m);
    expect(JSON.parse(shownJson!.stdout).value.error.message).toBe('bad\r\x1b[31m');
    expect(lines(notFound!.stderr)[0]).toBe("error: no intent 'ord\\x1b]52;c;eA==\\x07\\r\\u202eerx' in the store (memory)");
  });
});
