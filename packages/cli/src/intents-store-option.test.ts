// `--store` / CREDITKIT_STORE and `--intent` on calls: what a bad value says, that a Redis URL's password never
// shows, and what a second call with the same --intent sends (on the wire, against the simulator).
// Here `--store memory` shares the intent within this process; across processes with `file:`:
// intents-file-store.test.ts.
import { useMockServer } from '@creditkit/test-support';
import { lines, runCli, runInProcess } from '@creditkit/test-support/cli';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './store/open-store.js';

const mock = useMockServer({ providers: ['finerworks'] });
const PASSWORD = 'redis-pass-7f3a9c01';

beforeEach(() => vi.stubEnv('CREDITKIT_STORE', ''));
afterEach(() => vi.unstubAllEnvs());

describe('--store and CREDITKIT_STORE', { timeout: 60_000 }, () => {
  it('refuses a value that names no store, naming the option or the env var (exit 2)', async () => {
    const flag = await runInProcess(['intents', 'list', '--store', 'postgres-somewhere']);
    expect(flag.code).toBe(2);
    expect(lines(flag.stderr)).toEqual(["error: --store must be file:<dir>, redis://…, rediss://… or memory; got 'postgres-somewhere'", expect.stringMatching(/^hint: e\.g\. --store file:/)]);
    vi.stubEnv('CREDITKIT_STORE', 'file:');
    const env = await runInProcess(['intents', 'list']);
    expect(env.code).toBe(2);
    expect(lines(env.stderr)[0]).toBe('error: CREDITKIT_STORE file: needs a folder, like file:/var/lib/creditkit');
  });

  it('lets the flag win over the env var', async () => {
    vi.stubEnv('CREDITKIT_STORE', 'nonsense');
    const { code, stderr } = await runInProcess(['intents', 'list', '--store', 'memory', '--state', 'claimed']);
    expect(code).toBe(0);
    expect(stderr).toBe('no intents in state claimed in the store (memory)\n');
  });

  it('never prints a Redis password: not in a usage error, a failure to load or connect, or --verbose', async () => {
    // Killed after 20 s: a Redis client that retries a closed port for ever must not hang the suite.
    const killAfterMs = 20_000;
    const runs = [
      await runCli(['intents', 'list', '--store', `redis://default:${PASSWORD}@127.0.0.1:1/0`], { killAfterMs }),
      await runCli(['intents', 'list'], { env: { CREDITKIT_STORE: `rediss://:${encodeURIComponent(`${PASSWORD}/@`)}@127.0.0.1:1` }, killAfterMs }),
      await runCli(['intents', 'list', `--store=redis://u:${PASSWORD}@[bad-host`], { killAfterMs }),
      await runCli(['finerworks', 'buyAccountCredits', '--intent', 'o-1', '--verbose', '--base-url', mock.url('finerworks'), '--store', `redis://u:${PASSWORD}@127.0.0.1:1`, '--data', '{"amount":250,"cart_id":"c"}'], { killAfterMs }),
    ];
    for (const { code, stdout, stderr } of runs) {
      expect(code).not.toBe(0);
      expect(stdout + stderr).not.toContain(PASSWORD);
      expect(stdout + stderr).not.toContain(encodeURIComponent(`${PASSWORD}/@`));
      expect(lines(stderr)[0]).toMatch(/^error: .*(Redis|redis)/);
    }
    expect(lines(runs[2]!.stderr)[0]).toBe('error: --store is not a valid Redis URL');
    expect(mock.requests).toHaveLength(0);
  });

  it('says to install @creditkit/redis when it is missing (exit 2)', async () => {
    await expect(openStore({ kind: 'redis', url: 'redis://localhost:6379' }, '@creditkit/no-such-redis')).rejects.toMatchObject({
      name: 'UsageError',
      message: 'a redis:// store needs the package @creditkit/no-such-redis, which is not installed',
      hint: expect.stringContaining('npm install @creditkit/no-such-redis'),
    });
  });
});

describe('--intent on a call', { timeout: 60_000 }, () => {
  const buy = (intent: string, store = ['--store', 'memory']) => [
    'finerworks', 'buyAccountCredits', '--base-url', mock.url('finerworks'), '--json', '--intent', intent, ...store,
    '--credential', `webApiKey=${mock.credentials.finerworks.webApiKey}`, '--credential', `appKey=${mock.credentials.finerworks.appKey}`,
    '--data', JSON.stringify({ amount: 250, cart_id: `cart-${intent}` }),
  ];

  it('sends a purchase once: a second call with the same --intent and store returns the recorded result', async () => {
    const first = await runInProcess(buy('cli-order-1'));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const again = await runInProcess(buy('cli-order-1'));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
    expect(mock.requests).toHaveLength(1);
    expect(mock.simulators.finerworks.carts.get('cart-cli-order-1')).toHaveLength(1);
    const listed = await runInProcess(['intents', 'list', '--store', 'memory', '--provider', 'finerworks', '--json']);
    expect(lines(listed.stdout).map((l) => JSON.parse(l)).find((i) => i.intentId === 'cli-order-1')).toMatchObject({ operation: 'buyAccountCredits', state: 'applied', attempts: 1 });
  });

  it('in doubt, sends nothing again; resolved --failed by hand, the next call sends it; --applied, it does not', async () => {
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'reset-after' } });
    expect((await runInProcess(buy('cli-order-2'))).code).toBe(8);
    const again = await runInProcess(buy('cli-order-2'));
    expect(again.code).toBe(8);
    expect(lines(again.stderr)[0]).toMatch(/^error: OutcomeUnknownError: /);
    expect(mock.requests).toHaveLength(1);

    expect((await runInProcess(['intents', 'resolve', 'cli-order-2', '--failed', '--store', 'memory'])).code).toBe(0);
    expect((await runInProcess(buy('cli-order-2'))).code).toBe(0);
    expect(mock.requests).toHaveLength(2);

    mock.faults.add({ provider: 'finerworks', fault: { kind: 'reset-after' } });
    expect((await runInProcess(buy('cli-order-3'))).code).toBe(8);
    expect((await runInProcess(['intents', 'resolve', 'cli-order-3', '--applied', '--note', 'seen in the cart', '--store', 'memory'])).code).toBe(0);
    const after = await runInProcess(buy('cli-order-3'));
    expect(after.code).toBe(8);
    expect(lines(after.stderr)[0]).toMatch(/^error: AlreadyAppliedError: Intent cli-order-3 was recorded as applied by hand .*seen in the cart/);
    expect(mock.requests).toHaveLength(3);
  });

  it('without a store, says the intent is kept for this command only; an id with control characters is refused (exit 3)', async () => {
    const alone = await runInProcess(buy('cli-order-4', []));
    expect(alone.code).toBe(0);
    expect(lines(alone.stderr)).toEqual(['note: --intent without --store: the intent is remembered by this command only (set --store or CREDITKIT_STORE to share it with other runs)']);
    const bad = await runInProcess(buy('bad\x1b[2Jid'));
    expect(bad.code).toBe(3);
    expect(lines(bad.stderr)[0]).toMatch(/^error: ValidationError: .*intentId/);
    expect(bad.stderr).not.toContain('\x1b');
    expect(mock.requests).toHaveLength(1);
  });

  it('sends the same request on the wire with or without --intent (the intent stays in the store)', async () => {
    await runInProcess(buy('cli-order-5'));
    const plain = buy('x').filter((a, i, all) => a !== '--intent' && all[i - 1] !== '--intent' && a !== '--store' && all[i - 1] !== '--store');
    plain[plain.length - 1] = JSON.stringify({ amount: 250, cart_id: 'cart-cli-order-5' });
    await runInProcess(plain);
    const [withIntent, without] = mock.requests;
    expect(withIntent!.method).toBe(without!.method);
    expect(withIntent!.path).toBe(without!.path);
    expect(withIntent!.query).toEqual(without!.query);
    expect(withIntent!.body).toBe(without!.body);
  });
});
