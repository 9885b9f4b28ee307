// The `creditkit` command with --verbose (every log line on stderr): the binary itself through a failing call
// whose server echoes the key and two calls (OAuth2, signed query), then — in process, to spare a process start
// each — a verbose call and a --dry-run (the exact request, printed) per provider. No form of any credential in
// stdout or stderr.
import { type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileServer, startHostileServer } from '@creditkit/test-support';
import { type CliRun, lines, runCli, runInProcess } from '@creditkit/test-support/cli';
import { CASES, liftRateLimits, type ProviderCase } from './providers.js';
import { findSecrets, forms, SECRET_CREDENTIALS, secretValues } from './secrets.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ credentials: SECRET_CREDENTIALS });
  liftRateLimits(mock);
});
afterAll(() => mock.close());

const credentialFlags = (c: ProviderCase) => Object.entries(SECRET_CREDENTIALS[c.id]).flatMap(([name, value]) => ['--credential', `${name}=${value}`]);
const args = (c: ProviderCase, tag: string) => [
  c.id,
  c.operation,
  '--base-url',
  mock.url(c.id),
  ...credentialFlags(c),
  ...(c.options.format === 'xml' ? ['--media-type', 'application/xml'] : []),
  '--data',
  JSON.stringify(c.input(tag)),
];

describe('creditkit --verbose and --dry-run keep every credential out of their output', { timeout: 90_000 }, () => {
  it('prints no secret through a verbose call per provider, a failing call that echoes the key, and a dry run per provider', async () => {
    const echo = SECRET_CREDENTIALS.finerworks.webApiKey;
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'status', status: 500, body: JSON.stringify({ Message: `bad key ${echo}`, key: echo }) } });
    const finerworks = CASES.find((c) => c.id === 'finerworks')!;
    const env = { FINERWORKS_WEB_API_KEY: echo, FINERWORKS_APP_KEY: SECRET_CREDENTIALS.finerworks.appKey };
    // The echoing 500 runs first (the fault fires once), with credentials from env vars as a CI job would give them.
    const failed = await runCli([finerworks.id, finerworks.operation, '--base-url', mock.url('finerworks'), '--verbose', '--max-retries', '0', '--data', JSON.stringify(finerworks.input('cli-echo'))], { env });
    expect(failed.code).toBe(6);
    const spawned = await Promise.all(CASES.filter((c) => c.label === 'accountadmin (json)' || c.id === 'safecreative').map((c) => runCli([...args(c, `cli-${c.label}`), '--verbose'])));
    const inProcess: typeof spawned = [];
    for (const c of CASES) inProcess.push(await runInProcess([...args(c, `in-${c.label}`), '--verbose']));
    const dryRuns = await Promise.all(CASES.map((c) => runInProcess([...args(c, `dry-${c.label}`), '--dry-run', '--verbose'])));
    for (const run of [...spawned, ...inProcess, ...dryRuns]) expect(run.code, run.stderr).toBe(0);
    // --verbose printed the log lines, --dry-run the request: there was something to search.
    for (const run of [...spawned, ...inProcess]) expect(run.stderr).toContain('"event":"request.send"');
    const outputs = [failed, ...spawned, ...inProcess, ...dryRuns].flatMap((run, i): [string, string][] => [[`run ${i} stdout`, run.stdout], [`run ${i} stderr`, run.stderr]]);
    const hits = findSecrets(outputs, secretValues());
    const searched = outputs.reduce((n, [, t]) => n + t.length, 0);
    console.log(`CLI secret hygiene: ${1 + spawned.length} runs of the binary, ${inProcess.length} verbose calls and ${dryRuns.length} dry runs in process, ${searched} characters searched: ${hits.length} hits`);
    expect(hits).toEqual([]);
  });
});

// Hostile echoes: a server that sends the credentials back in what the command prints on success (the result
// table, --json), in its errors and in what the client derived from them (a Basic token, a bearer token the
// server issued). The credentials are built to be awkward: one is a prefix of another, with quotes, a
// backslash, `+`, `%`, `&`, `=` and non-ASCII, so every encoded form differs from the raw one.
describe('creditkit prints no credential a hostile server echoes back', { timeout: 90_000 }, () => {
  const web = 'fwPFX-9d8c7b6a';
  /** Starts with the other key: replaced shortest-first, its tail would show. */
  const app = `${web}"q\\uote" +%/=&ü-tail`;
  const dnaId = 'C0011223';
  const dnaKey = 'dnaKEY-"0f1e"+2d3c';
  const basic = Buffer.from(`${dnaId}:${dnaKey}`).toString('base64');
  const aaSecret = 'aaSEC-"x\\y" +/&=ü-77';
  const issued = 'issuedTOKEN-5f5e4d3c2b1a';
  const secrets = [web, app, dnaKey, basic, aaSecret, issued];
  /** Every form of every secret, and a key named by one (keys are not values: only the text can catch it). */
  const echo = (values: readonly string[]) => ({
    ...Object.fromEntries(values.flatMap((v, i) => [...forms(v), JSON.stringify(v)].map((f, j) => [`f${i}_${j}`, f]))),
    [values[0]!]: 'keyed by the secret',
    joined: values.join('&'),
  });
  const json = (body: unknown) => ({ body: JSON.stringify(body) });

  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(() => server.close());

  const finerworks = (...extra: string[]) => [
    'finerworks', 'buyAccountCredits', '--base-url', server.url, '--max-retries', '0',
    '--credential', `webApiKey=${web}`, '--credential', `appKey=${app}`, '--data', JSON.stringify({ amount: 250, cart_id: 'echo' }), ...extra,
  ];
  const fwSuccess = () => json({ product_id: 1, status: { success: true, status_code: 100, message: `added for ${app} / ${web}`, debug: echo([app, web]), reference_id: app, domain: web } });

  it('keeps them out of the success table, --json, --verbose, errors and a --dry-run', async () => {
    const runs: CliRun[] = [];
    // The success table in the binary itself, as the issue saw it: FinerWorks `status.debug` echoing the keys.
    server.answer(fwSuccess());
    runs.push(await runCli(finerworks()));
    server.answer(fwSuccess());
    runs.push(await runInProcess(finerworks('--json', '--verbose')));
    // Failures: a refusal, a 400 and a 500 whose text echoes them.
    server.answer(json({ status: { success: false, status_code: 403, message: `no: ${app} ${encodeURIComponent(app)}` } }));
    runs.push(await runInProcess(finerworks()));
    server.answer({ status: 400, contentType: 'text/plain', body: `bad ${app} ${forms(app).join(' ')}` });
    runs.push(await runInProcess(finerworks('--verbose')));
    server.answer({ status: 500, body: JSON.stringify({ Message: app, echo: echo([app]) }) });
    runs.push(await runInProcess(finerworks('--json')));
    runs.push(await runInProcess(finerworks('--dry-run')), await runInProcess(finerworks('--dry-run', '--json')));
    // software_DNA: the Basic token the client built from its id and key, echoed in a result.
    server.answer(json([{ Target: 'LICENSE', Name: basic, Count: 1 }, { Target: 'LICENSE', Name: `Basic ${basic} ${dnaKey}`, Count: 2 }]));
    const dna = ['softwaredna', 'queryCredits', '--base-url', server.url, '--credential', `clientId=${dnaId}`, '--credential', `apiKey=${dnaKey}`];
    const query = ['--data', JSON.stringify({ productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9' })];
    runs.push(await runInProcess([...dna, ...query]));
    server.answer(json([{ Target: 'LICENSE', Name: basic, Count: 1 }]));
    runs.push(await runInProcess([...dna, ...query, '--json']));
    // 2sms: the bearer token the server issued, then echoed with the client secret in the purchase's answer.
    const purchase = (text: string) => json({ Error: null, ResponseData: { Identification: { UserId: issued }, Result: text, Detail: { Currency: 'GBP', Quantity: 1, Paid: true } } });
    const aa = ['accountadmin', 'purchaseCredits', '--base-url', server.url, '--credential', 'clientId=aa-client-01', '--credential', `clientSecret=${aaSecret}`, '--data', JSON.stringify({ PurchaseOrder: 'PO-echo', Billing: { Email: 'ops@example.com' } })];
    server.answer(json({ access_token: issued, token_type: 'bearer', expires_in: 3600 }), purchase(`Success ${issued} ${aaSecret}`));
    runs.push(await runInProcess(aa));
    server.answer(json({ access_token: issued, token_type: 'bearer', expires_in: 3600 }), purchase(`Success ${issued}`));
    runs.push(await runInProcess([...aa, '--json']));

    const outputs = runs.flatMap((run, i): [string, string][] => [[`run ${i} stdout`, run.stdout], [`run ${i} stderr`, run.stderr]]);
    // Each run printed something to search (a table, JSON, an error line), with the expected outcome.
    expect(runs.map((r) => r.code)).toEqual([0, 0, 6, 6, 6, 0, 0, 0, 0, 0, 0]);
    for (const run of runs) expect(run.stdout + run.stderr).toContain('[REDACTED]');
    const jsonForms = secrets.map((v) => JSON.stringify(v).slice(1, -1));
    const hits = findSecrets(outputs, secrets).concat(outputs.flatMap(([where, t]) => jsonForms.filter((f) => t.includes(f)).map((f): [string, string] => [where, f])));
    expect(hits).toEqual([]);
    // Where only the command scrubs (a result is data: core leaves it alone), the longer key is replaced whole,
    // not cut after the shorter one it starts with. (Error text is scrubbed by core first: its order is core's.)
    for (const run of runs.filter((r) => r.code === 0)) expect(run.stdout + run.stderr).not.toMatch(/q\\+uote/);
  });

  it('refuses a --base-url with a user name or password (exit 2) and never prints the password', async () => {
    const password = 'urlPASS-3c9d1e77';
    const spawned = await runCli(['finerworks', 'buyAccountCredits', '--base-url', `http://ops:${password}@127.0.0.1:1/`, '--data', '{}']);
    const runs = [spawned];
    for (const url of [`https://:${password}@example.com`, `http://${password}@example.com`, `http://u:${password}@exa mple.com`]) runs.push(await runInProcess(['finerworks', 'buyAccountCredits', '--base-url', url]));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(lines(run.stderr)).toEqual([expect.stringMatching(/^error: --base-url (must not carry a user name or password|is not a URL)$/), expect.stringMatching(/^hint: /)]);
      expect(run.stdout + run.stderr).not.toContain(password);
    }
  });
});
