// `creditkit-mock` checks its flags before it starts anything: a bad port or an unknown flag is one line on
// stderr and exit 2, a port in use one line and exit 1; never a stack trace.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MockUsageError, parseMockArgs, USAGE } from './bin-args.js';
import { simulatorFactories } from './simulators/index.js';

const root = resolve(import.meta.dirname, '../../..');
const bin = resolve(root, 'packages/mock/src/bin.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real bin under tsx; `untilOutput`: once stdout says this, the process is stopped with SIGTERM. */
function runMock(args: readonly string[], untilOutput?: RegExp): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.test.json') }, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (c: Buffer) => {
    run.stdout += c.toString();
    if (untilOutput?.test(run.stdout)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (c: Buffer) => (run.stderr += c.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ ...run, code }));
  });
}

describe('creditkit-mock flags', { timeout: 30_000 }, () => {
  it('names every simulator it starts in its help, from the generated list', () => {
    expect(Object.keys(simulatorFactories)).toContain('finerworks');
    expect(USAGE).toContain(`Starts a simulator of each provider (${Object.keys(simulatorFactories).join(', ')}) on\n127.0.0.1`);
  });

  it('parses --port and --json, and refuses a port outside 0–65535 or not a whole number', () => {
    expect(parseMockArgs([])).toEqual({ port: 0, json: false, help: false });
    expect(parseMockArgs(['--port', '65535', '--json'])).toEqual({ port: 65535, json: true, help: false });
    expect(parseMockArgs(['--port=0'])).toMatchObject({ port: 0 });
    for (const port of ['abc', '70000', '65536', '-1', '1e3', '8080.5', '', ' 80', '0x50', '99999999999999999999']) {
      expect(() => parseMockArgs(['--port', port]), port).toThrow(MockUsageError);
    }
    for (const argv of [['--frob'], ['extra'], ['--port'], ['--json=yes']]) expect(() => parseMockArgs(argv), argv.join(' ')).toThrow(MockUsageError);
  });

  it('exits 2 with one line on stderr and no stack trace for a bad flag', async () => {
    const runs = await Promise.all([['--port', 'abc'], ['--port', '70000'], ['--frobnicate'], ['--port', '-1']].map((args) => runMock(args)));
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(runs.map((r) => r.stderr)).toEqual([
      "creditkit-mock: --port must be a whole number from 0 to 65535; got 'abc' (see creditkit-mock --help)\n",
      "creditkit-mock: --port must be a whole number from 0 to 65535; got '70000' (see creditkit-mock --help)\n",
      "creditkit-mock: Unknown option '--frobnicate' (see creditkit-mock --help)\n",
      "creditkit-mock: Option '--port' argument is ambiguous. (see creditkit-mock --help)\n",
    ]);
    for (const run of runs) expect(run.stdout).toBe('');
  });

  it('exits 1 with one line when the port is taken, and runs on a good one until SIGTERM', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = await runMock(['--port', String(port)]);
      expect(busy).toEqual({ code: 1, stdout: '', stderr: `creditkit-mock: port ${port} is in use\n` });
    } finally {
      await new Promise((r) => taken.close(r));
    }
    const ok = await runMock(['--json'], /\n$/);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), urls: { finerworks: expect.any(String) } });
  });
});
