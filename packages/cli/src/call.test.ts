import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { lines, runCli, runInProcess } from '@creditkit/test-support/cli';

// A simulator of the test's own, so a test can arrange faults and see what arrived; the child gets its URL.
const mock = useMockServer({ providers: ['finerworks'] });

const buy = ['finerworks', 'buyAccountCredits'];
const good = JSON.stringify({ amount: 250, cart_id: 'cli-cart' });
/** The simulator's keys, given as the env vars the provider reads. */
const envKeys = () => ({ FINERWORKS_WEB_API_KEY: mock.credentials.finerworks.webApiKey, FINERWORKS_APP_KEY: mock.credentials.finerworks.appKey });
const atMock = () => ['--base-url', mock.url('finerworks')];

describe('creditkit <provider> <operation>', { timeout: 60_000 }, () => {
  it('calls the embedded simulators with --mock and prints the typed result as JSON', async () => {
    const { code, stdout, stderr } = await runCli([...buy, '--mock', '--json', '--data', good]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ product_id: expect.any(Number), status: { success: true, status_code: 100 } });
  });

  it('prints a readable table by default, with credentials from env vars', async () => {
    const { code, stdout } = await runCli([...buy, ...atMock(), '--data', good], { env: envKeys() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^product_id\s+1001$/m);
    expect(stdout).toMatch(/^status\.message\s+Account credit added to cart\.$/m);
    expect(mock.simulators.finerworks.carts.get('cli-cart')).toHaveLength(1);
  });

  it('reads --data from a file and from stdin', async () => {
    const file = join(tmpdir(), `creditkit-cli-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ amount: 300, cart_id: 'from-file' }));
    expect((await runCli([...buy, ...atMock(), '--data', `@${file}`], { env: envKeys() })).code).toBe(0);
    expect((await runCli([...buy, ...atMock(), '--data', '@-'], { env: envKeys(), stdin: JSON.stringify({ amount: 400, cart_id: 'from-stdin' }) })).code).toBe(0);
    expect(mock.simulators.finerworks.carts.get('from-file')?.[0]?.amount).toBe(300);
    expect(mock.simulators.finerworks.carts.get('from-stdin')?.[0]?.amount).toBe(400);
  });

  it('exits 3 on invalid input with one error line naming every issue and a hint, sending nothing', async () => {
    const { code, stdout, stderr } = await runCli([...buy, ...atMock(), '--data', '{"amount":99}'], { env: envKeys() });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    const [error, hint, ...rest] = lines(stderr);
    expect(rest).toEqual([]);
    expect(error).toMatch(/^error: ValidationError: .*amount must be between 100 and 5000.*got 99/);
    expect(error).toContain('cart_id is required');
    expect(hint).toMatch(/^hint: fix .*cart_id.*amount.* in --data/);
    expect(mock.requests).toHaveLength(0);
  });

  it('exits 4 when the provider refuses the key, naming the env vars and never printing the key', async () => {
    const wrong = 'wrong-app-key-7f3a9c01d2';
    const { code, stdout, stderr } = await runCli([...buy, ...atMock(), '--credential', `appKey=${wrong}`, '--verbose', '--data', good], { env: envKeys() });
    expect(code).toBe(4);
    expect(lines(stderr).filter((l) => !l.startsWith('{'))).toEqual([
      'error: AuthenticationError: 401 Authorization has been denied for this request.',
      expect.stringMatching(/^hint: .*FINERWORKS_WEB_API_KEY and FINERWORKS_APP_KEY/),
    ]);
    // --verbose prints every log line too: none carries a credential.
    for (const secret of [wrong, mock.credentials.finerworks.webApiKey]) expect(stdout + stderr).not.toContain(secret);
  });

  it('exits 4 when Safe Creative refuses the signature in a 200 body, never printing the private key', async () => {
    const wrong = 'notthekey0000000000wrong';
    const sale = JSON.stringify({ service: 'PROFESSIONAL' });
    const { code, stdout, stderr } = await runCli(['safecreative', 'userNewSale', '--mock', '--credential', `privateKey=${wrong}`, '--data', sale]);
    expect(code).toBe(4);
    expect(lines(stderr)).toEqual(['error: ProviderError: InvalidSignature: Invalid signature', expect.stringMatching(/^hint: the provider refused the credentials: .*SAFECREATIVE_PRIVATE_KEY/)]);
    expect(stdout + stderr).not.toContain(wrong);
  });

  it('exits 4 when a credential is missing, and says which env var to set', async () => {
    const { code, stderr } = await runCli([...buy, ...atMock(), '--data', good]);
    expect(code).toBe(4);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^error: MissingCredentialsError: .*FINERWORKS_WEB_API_KEY/), expect.stringMatching(/^hint: set FINERWORKS_WEB_API_KEY and FINERWORKS_APP_KEY .*--mock/)]);
    expect(mock.requests).toHaveLength(0);
  });

  it('exits 4 naming only the env var still missing when the other credential is set', async () => {
    const { code, stderr } = await runCli([...buy, ...atMock(), '--data', good], { env: { FINERWORKS_APP_KEY: mock.credentials.finerworks.appKey } });
    expect(code).toBe(4);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(/^error: MissingCredentialsError: FinerWorks client needs webApiKey/),
      'hint: set FINERWORKS_WEB_API_KEY (or --credential webApiKey=<value>), or use --mock to call the built-in simulators',
    ]);
    expect(stderr).not.toContain(mock.credentials.finerworks.appKey);
  });

  it('exits 4 when a credential cannot be sent as given, naming it and never printing it', async () => {
    const pasted = 'pasted-key-9c41\nwith-a-line-break';
    const { code, stderr } = await runCli([...buy, ...atMock(), '--credential', `appKey=${pasted}`, '--data', good], { env: envKeys() });
    expect(code).toBe(4);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(/^error: UnusableCredentialError: FinerWorks: the credential `appKey` \(or env FINERWORKS_APP_KEY\) contains a line break/),
      expect.stringMatching(/^hint: set FINERWORKS_APP_KEY \(or --credential appKey=<value>\) to the value exactly as issued/),
    ]);
    expect(stderr).not.toMatch(/pasted-key|with-a-line-break/);
    expect(mock.requests).toHaveLength(0);
  });

  it('exits 2 on an unknown environment, with a hint naming the flag and the choices', async () => {
    const { code, stderr } = await runCli([...buy, '--environment', 'staging', '--data', good], { env: envKeys() });
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual(["error: FinerWorks has no environment 'staging'", 'hint: choose --environment production or test, or pass --base-url']);
  });

  it('exits 5 when still rate limited after the allowed retries, with when to come back', async () => {
    mock.faults.add({ provider: 'finerworks', times: Number.POSITIVE_INFINITY, fault: { kind: 'status', status: 429, headers: { 'retry-after': '7' } } });
    const { code, stderr } = await runCli([...buy, ...atMock(), '--max-retries', '0', '--data', good], { env: envKeys() });
    expect(code).toBe(5);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^error: RateLimitError: 429/), 'hint: rate limited: retry after 7 s (or raise --max-retries to wait automatically)']);
  });

  it('exits 6 when a 200 body says the purchase failed', async () => {
    mock.simulators.finerworks.endpointAuthorized = false;
    const { code, stderr } = await runCli([...buy, ...atMock(), '--data', good], { env: envKeys() });
    expect(code).toBe(6);
    expect(lines(stderr)[0]).toBe('error: ProviderError: 403: Only authorized accounts may use this endpoint.');
  });

  it('exits 7 when nothing listens at the base URL', async () => {
    const { code, stderr } = await runCli([...buy, '--base-url', `http://127.0.0.1:${await closedPort()}`, '--max-retries', '0', '--data', good], { env: envKeys() });
    expect(code).toBe(7);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^error: ConnectionError: .*before the request was sent/), expect.stringMatching(/^hint: could not talk to http:\/\/127\.0\.0\.1:\d+/)]);
  });

  it('exits 8 when a purchase timed out after it was sent, telling to check the account instead of retrying', async () => {
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'latency', ms: 1500 } });
    const { code, stderr } = await runCli([...buy, ...atMock(), '--timeout', '200ms', '--data', good], { env: envKeys() });
    expect(code).toBe(8);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^error: OutcomeUnknownError: /), expect.stringMatching(/^hint: the purchase may have been applied .*check the account/)]);
    expect(mock.requests).toHaveLength(1);
  });

  it('exits 7 on Ctrl-C while waiting, cancelling the call', async () => {
    // Unless interrupted, the call would succeed after this delay.
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'latency', ms: 5000 } });
    const { code, stderr } = await runCli([...buy, ...atMock(), '--verbose', '--data', good], { env: envKeys(), interruptWhen: (err) => err.includes('"request.send"') });
    expect(code).toBe(7);
    expect(lines(stderr).slice(-2)).toEqual([expect.stringMatching(/^error: AbortedError: Call aborted by the caller/), 'hint: the call was interrupted before it finished']);
  });

  it('exits 2 on usage mistakes, each with a hint', async () => {
    const cases: [string[], RegExp][] = [
      [['nope'], /unknown command or provider 'nope'/],
      [['finerworks', 'nope'], /FinerWorks has no operation 'nope'/],
      [[...buy, '--data', '{oops'], /--data is not valid JSON/],
      [[...buy, '--environment', 'staging'], /FinerWorks has no environment 'staging'/],
      [[...buy, '--credential', 'noSuchKey=x'], /FinerWorks has no credential 'noSuchKey'/],
      [[...buy, '--timeout', 'soon'], /--timeout must be a positive duration/],
      [[...buy, '--frobnicate'], /Unknown option '--frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runInProcess(args);
      expect(code, args.join(' ')).toBe(2);
      expect(lines(stderr), args.join(' ')).toEqual([expect.stringMatching(message), expect.stringMatching(/^hint: /)]);
    }
    // And the binary itself exits with it.
    expect(await runCli(cases[0]![0])).toMatchObject({ code: 2 });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}
