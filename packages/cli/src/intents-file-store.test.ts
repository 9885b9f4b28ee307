// `--store file:<dir>` across real processes (each run the `creditkit` binary): what one command records, the next
// reads. A second call with the same --intent buys nothing; an intent left in doubt is listed, resolved by hand,
// and then sent again; the store is closed at the end of each command, so the next one opens it cleanly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useMockServer } from '@creditkit/test-support';
import { lines, runCli } from '@creditkit/test-support/cli';
import { afterAll, describe, expect, it } from 'vitest';

const mock = useMockServer({ providers: ['finerworks'] });
const dirs: string[] = [];
const newStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-cli-intents-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ FINERWORKS_WEB_API_KEY: mock.credentials.finerworks.webApiKey, FINERWORKS_APP_KEY: mock.credentials.finerworks.appKey });
const buy = (intent: string, dir: string) => [
  'finerworks', 'buyAccountCredits', '--base-url', mock.url('finerworks'), '--json', '--intent', intent, '--store', `file:${dir}`,
  '--data', JSON.stringify({ amount: 250, cart_id: `cart-${intent}` }),
];

describe('creditkit with --store file:<dir>, across processes', { timeout: 120_000 }, () => {
  it('buys once: a second process with the same --intent prints the recorded result and sends nothing', async () => {
    const dir = newStore();
    const first = await runCli(buy('order-1', dir), { env: env() });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const again = await runCli(buy('order-1', dir), { env: env() });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
    expect(mock.requests).toHaveLength(1);
    expect(mock.simulators.finerworks.carts.get('cart-order-1')).toHaveLength(1);
    // The env var names the same store.
    const listed = await runCli(['intents', 'list'], { env: { CREDITKIT_STORE: `file:${dir}` } });
    expect(listed.code).toBe(0);
    expect(lines(listed.stdout)).toEqual([expect.stringMatching(/^INTENT\s+PROVIDER/), expect.stringMatching(/^order-1\s+finerworks\s+buyAccountCredits\s+applied\s+\S+Z\s+1$/)]);
  });

  it('lists an intent left in doubt, resolves it --failed by hand, and the next call sends it', async () => {
    const dir = newStore();
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'reset-after' } });
    expect((await runCli(buy('order-2', dir), { env: env() })).code).toBe(8);
    const inDoubt = await runCli(['intents', 'list', '--state', 'in_doubt', '--json', '--store', `file:${dir}`]);
    expect(lines(inDoubt.stdout).map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ intentId: 'order-2', state: 'in_doubt', provider: 'finerworks' })]);
    const shown = await runCli(['intents', 'show', 'order-2', '--json', '--store', `file:${dir}`]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ state: 'in_doubt', value: { input: { amount: 250, cart_id: 'cart-order-2' }, error: { name: 'OutcomeUnknownError' } } });

    const resolved = await runCli(['intents', 'resolve', 'order-2', '--failed', '--note', 'not in the cart', '--store', `file:${dir}`]);
    expect(resolved).toMatchObject({ code: 0, stdout: 'intent order-2: in_doubt -> failed (recorded by hand)\n' });
    expect((await runCli(buy('order-2', dir), { env: env() })).code).toBe(0);
    expect(mock.requests).toHaveLength(2);
    const after = await runCli(['intents', 'show', 'order-2', '--store', `file:${dir}`]);
    expect(after.stdout).toMatch(/^state\s+applied$/m);
    expect(after.stdout).toMatch(/^resolved\s+by hand at \S+: not in the cart$/m);
  });

  it('refuses a folder it cannot use, naming --store (exit 2)', async () => {
    const file = join(newStore(), 'a-file');
    writeFileSync(file, 'not a folder');
    const { code, stderr } = await runCli(['intents', 'list', '--store', `file:${file}`]);
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^error: ConfigurationError: fileStore/), expect.stringMatching(/^hint: fix --store/)]);
  });
});
