// The `creditkit` command with --verbose (every log line on stderr): the binary itself through a failing call
// whose server echoes the key and two calls (OAuth2, signed query), then — in process, to spare a process start
// each — a verbose call and a --dry-run (the exact request, printed) per provider. No form of any credential in
// stdout or stderr.
import { type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../packages/cli/src/testing/run-cli.js';
import { runInProcess } from '../../packages/cli/src/testing/run-in-process.js';
import { CASES, liftRateLimits, type ProviderCase } from './providers.js';
import { findSecrets, SECRET_CREDENTIALS, secretValues } from './secrets.js';

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
