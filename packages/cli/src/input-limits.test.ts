// Hostile input to the command: --data and stdin are capped at 10 MiB and read only up to the cap (an endless
// source ends in a usage error, not a full memory); a name the user gives (provider, operation, environment,
// credential, media type) is looked up among own properties only, so `__proto__`, `constructor` or `toString`
// is an unknown name (exit 2), never a TypeError; a --base-url that is not an http(s) URL is a usage error.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, runCli, runInProcess } from '@creditkit/test-support/cli';

const buy = ['finerworks', 'buyAccountCredits', '--mock'];
const MiB = 1024 * 1024;
/** Valid JSON of a little more than 10 MiB, which the command would otherwise parse and send on. */
const oversized = JSON.stringify({ amount: 250, cart_id: 'x'.repeat(10 * MiB) });
const tooLarge = [/^error: --data is larger than 10 MiB$/, /^hint: /];

function expectUsageError(run: { code: number | null; stdout: string; stderr: string }, message: RegExp, what: string): void {
  expect(run.code, `${what}: ${run.stderr}`).toBe(2);
  expect(run.stdout, what).toBe('');
  expect(lines(run.stderr), what).toEqual([expect.stringMatching(message), expect.stringMatching(/^hint: /)]);
}

describe('--data and stdin are capped at 10 MiB', { timeout: 60_000 }, () => {
  it('refuses an endless --data @/dev/zero and an endless stdin after reading no more than the cap', async () => {
    const started = performance.now();
    // Killed after 15 s: a command that reads the stream whole would never finish on its own.
    const [file, stdin] = await Promise.all([
      runCli([...buy, '--data', '@/dev/zero'], { killAfterMs: 15_000 }),
      runCli([...buy, '--data', '@-'], { stdinFile: '/dev/zero', killAfterMs: 15_000 }),
    ]);
    for (const run of [file, stdin]) {
      expect(run.code, run.stderr).toBe(2);
      expect(lines(run.stderr)).toEqual(tooLarge.map((m) => expect.stringMatching(m)));
    }
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('refuses valid JSON over the cap from a file, stdin or the flag itself, before parsing or sending it', async () => {
    const path = join(tmpdir(), `creditkit-oversized-${process.pid}.json`);
    writeFileSync(path, oversized);
    expectUsageError(await runCli([...buy, '--data', `@${path}`]), tooLarge[0]!, 'file');
    expectUsageError(await runCli([...buy, '--data', '@-'], { stdin: oversized }), tooLarge[0]!, 'stdin');
    // An argument that long cannot reach a child process (the OS caps one at 128 KiB): in process.
    expectUsageError(await runInProcess([...buy, '--data', oversized]), tooLarge[0]!, 'inline');
    expectUsageError(await runInProcess([...buy, '--data', '@-'], { stdin: oversized }), tooLarge[0]!, 'stdin of an embedding Io');
  });
});

describe('names the user gives are looked up among own properties only', () => {
  const inherited = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it('treats __proto__, constructor, toString… as unknown environments, providers, operations and credentials (exit 2)', async () => {
    for (const name of inherited) {
      expectUsageError(await runInProcess([...buy, '--environment', name, '--data', '{}']), new RegExp(`^error: FinerWorks has no environment '${name}'$`), `--environment ${name}`);
      expectUsageError(await runInProcess([name, 'buyAccountCredits']), new RegExp(`^error: unknown command or provider '${name}'$`), `provider ${name}`);
      expectUsageError(await runInProcess([name, '--help']), new RegExp(`^error: unknown command or provider '${name}'$`), `provider ${name} --help`);
      expectUsageError(await runInProcess(['finerworks', name]), new RegExp(`^error: FinerWorks has no operation '${name}'$`), `operation ${name}`);
      expectUsageError(await runInProcess(['finerworks', name, '--help']), new RegExp(`^error: FinerWorks has no operation '${name}'$`), `operation ${name} --help`);
      expectUsageError(await runInProcess([...buy, '--credential', `${name}=x`]), new RegExp(`^error: FinerWorks has no credential '${name}'$`), `--credential ${name}`);
      expectUsageError(await runInProcess([...buy, '--media-type', name]), /^error: FinerWorks buyAccountCredits does not speak /, `--media-type ${name}`);
    }
  });
});

describe('--base-url and --timeout', () => {
  it('refuses a --base-url that is not an http(s) URL (exit 2), before anything is sent', async () => {
    const notUrl = (url: string) => new RegExp(`^error: --base-url is not a URL; got '${url.replace(/[[\]]/g, '\\$&')}'$`);
    const notHttp = (url: string) => new RegExp(`^error: --base-url must be an http:// or https:// URL; got '${url.replace(/[()]/g, '\\$&')}'$`);
    const cases: [string, RegExp][] = [
      ['not a url', notUrl('not a url')],
      ['http://[::1', notUrl('http://[::1')],
      ['localhost:8080', notHttp('localhost:8080')],
      ['ftp://example.com/', notHttp('ftp://example.com/')],
      ['file:///etc/passwd', notHttp('file:///etc/passwd')],
      ['javascript:alert(1)', notHttp('javascript:alert(1)')],
    ];
    for (const [url, message] of cases) expectUsageError(await runInProcess(['finerworks', 'buyAccountCredits', '--base-url', url, '--data', '{}']), message, url);
    expectUsageError(await runCli(['finerworks', 'buyAccountCredits', '--base-url', 'not a url']), cases[0]![1], 'the binary');
  });

  it('refuses a --timeout longer than a timer can hold (it would fire at once)', async () => {
    for (const timeout of ['2147484s', '99999999999999999999', '0.4ms']) {
      expectUsageError(await runInProcess([...buy, '--timeout', timeout]), /^error: --timeout must be a positive duration up to 24 days/, timeout);
    }
  });
});
