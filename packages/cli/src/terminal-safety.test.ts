// A hostile server answers with terminal controls: a `\r` and an erase-line that would overwrite the line
// before, an OSC 52 clipboard write, colours, bidi overrides and isolates, C1 controls. Whatever the command
// prints (the result table, the error and hint lines, the progress line, --verbose log lines, a usage error
// that echoes input) holds none of them raw; they show escaped. --json stays exact JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileServer, startHostileServer } from '@creditkit/test-support';
import { lines, runCli, runInProcess } from '@creditkit/test-support/cli';

/** Every character a terminal may act on, except the line feed the command writes itself. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these very characters are what the test looks for.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const FORGED_HINT = 'hint: all good, run it again to buy twice';
const HOSTILE = `Paid\r\x1b[2K${FORGED_HINT} \x1b]52;c;cm0gLXJmIH4=\x07 \x1b[31mred\x1b[0m \u202Eevil\u202C \u2066iso\u2069 \u200F\u061C \u009B31m \u0000\u0008\u007F`;

const success = (text: string) =>
  JSON.stringify({ product_id: 7, status: { success: true, status_code: 100, message: text, debug: { note: text }, reference_id: text, domain: 'd' } });
const refused = (text: string) => JSON.stringify({ status: { success: false, status_code: 403, message: text } });

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());

const buy = (retries = 0) => [
  'finerworks', 'buyAccountCredits', '--base-url', server.url, '--max-retries', String(retries),
  '--credential', 'webApiKey=terminal-web-key', '--credential', 'appKey=terminal-app-key',
  '--data', JSON.stringify({ amount: 250, cart_id: 'terminal' }),
];

function expectNoRawControls(where: string, text: string): void {
  const hit = RAW_CONTROL.exec(text);
  expect(hit && `U+${hit[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${hit.index}: ${JSON.stringify(text.slice(Math.max(0, hit.index - 20), hit.index + 20))}`, where).toBeNull();
}

describe('terminal-safe output against a hostile server', { timeout: 60_000 }, () => {
  it('shows the controls of a result escaped in the table, one line per field', async () => {
    server.answer({ body: success(HOSTILE) });
    const { code, stdout, stderr } = await runCli(buy());
    expect(code, stderr).toBe(0);
    expectNoRawControls('stdout', stdout);
    expectNoRawControls('stderr', stderr);
    // Each field stays on its own row: the `\r` cannot forge a line.
    expect(lines(stdout).map((l) => l.split(/\s+/)[0])).toEqual(['product_id', 'status.success', 'status.status_code', 'status.message', 'status.debug.note', 'status.reference_id', 'status.domain']);
    const message = lines(stdout).find((l) => l.startsWith('status.message'))!;
    expect(message).toContain(`Paid\\r\\x1b[2K${FORGED_HINT} \\x1b]52;c;cm0gLXJmIH4=\\x07 \\x1b[31mred\\x1b[0m \\u202eevil\\u202c \\u2066iso\\u2069 \\u200f\\u061c \\x9b31m \\x00\\x08\\x7f`);
  });

  it('keeps --json exact: it parses to the very strings the server sent, with nothing raw in the text', async () => {
    server.answer({ body: success(HOSTILE) });
    const { code, stdout } = await runCli([...buy(), '--json']);
    expect(code).toBe(0);
    expectNoRawControls('stdout', stdout);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(success(HOSTILE)));
  });

  it('keeps the hint line whole when a refusal message carries a carriage return and escapes', async () => {
    server.answer({ body: refused(HOSTILE) });
    const { code, stdout, stderr } = await runCli(buy());
    expect(code).toBe(6);
    expect(stdout).toBe('');
    expectNoRawControls('stderr', stderr);
    const [error, hint, ...rest] = lines(stderr);
    expect(rest).toEqual([]);
    expect(error).toMatch(/^error: ProviderError: 403: Paid\\r\\x1b\[2Khint: all good/);
    expect(error).toContain('\\x1b]52;c;cm0gLXJmIH4=\\x07');
    expect(hint).toBe('hint: FinerWorks answered that the call failed (code 403): check the input and the account');
  });

  it('escapes a plain-text error body too (HTTP 400 text/plain)', async () => {
    server.answer({ status: 400, contentType: 'text/plain', body: HOSTILE });
    const { code, stderr } = await runCli(buy());
    expect(code).toBe(6);
    expectNoRawControls('stderr', stderr);
    expect(lines(stderr)).toEqual([expect.stringMatching(/^error: ApiError: 400 /), expect.stringMatching(/^hint: FinerWorks rejected the request \(400\)/)]);
  });

  it('draws the progress line and the --verbose log lines with the retry reason escaped', async () => {
    // A 429 is retried even for a purchase (it was not processed); its text is the retry's reason.
    server.answer({ status: 429, contentType: 'text/plain', body: HOSTILE }, { body: success('ok') });
    const drawn: string[] = [];
    const { code, stderr } = await runInProcess([...buy(1), '--verbose'], { terminal: { drawn, columns: 400 } });
    expect(code, stderr).toBe(0);
    expectNoRawControls('stderr (log lines)', stderr);
    for (const line of stderr.trim().split('\n')) JSON.parse(line);
    const retry = drawn.find((d) => d.includes('retrying in'));
    expect(retry).toBeDefined();
    // The line's own controls (return, erase line) come first; the rest is the text, with nothing raw.
    for (const write of drawn) {
      expect(write.startsWith('\r\x1b[2K')).toBe(true);
      expectNoRawControls('progress text', write.slice('\r\x1b[2K'.length));
    }
    expect(retry).toContain('\\x1b]52;c;');
  });

  it('escapes input echoed back in a usage error (provider, operation, environment names)', async () => {
    for (const args of [[`fine\x1b]52;c;eA==\x07works`], ['finerworks', `buy\r\u202Eevil`], ['finerworks', 'buyAccountCredits', '--environment', `\x1b[2J\rprod`]]) {
      const { code, stdout, stderr } = await runInProcess(args);
      expect(code).toBe(2);
      expectNoRawControls('stdout', stdout);
      expectNoRawControls('stderr', stderr);
      expect(lines(stderr)).toEqual([expect.stringMatching(/^error: .*\\(x1b|r)/), expect.stringMatching(/^hint: /)]);
    }
  });
});
