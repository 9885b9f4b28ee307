// CREDITKIT_LOG turns on the built-in logger without a code change: one JSON object per line on stderr, scrubbed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { createClient } from '../client.js';
import { ConfigurationError } from '../errors.js';
import { envLogger } from './env-logger.js';

const server = useTinyMock();

describe('envLogger', () => {
  it.each([[undefined], [''], ['off'], [' OFF '], ['silent'], ['none']])('is off for %j', (value) => {
    expect(envLogger('tiny', value === undefined ? {} : { CREDITKIT_LOG: value })).toBeUndefined();
  });

  it.each([['debug'], ['info'], ['warn'], ['error'], [' Info ']])('sets the level for %j', (value) => {
    expect(envLogger('tiny', { CREDITKIT_LOG: value })?.level).toBe(value.trim().toLowerCase());
  });

  it('refuses an unknown level with a ConfigurationError naming CREDITKIT_LOG', () => {
    const error = (() => {
      try {
        envLogger('tiny', { CREDITKIT_LOG: 'verbose-and-then-some-more' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).option).toBe('CREDITKIT_LOG');
    expect((error as ConfigurationError).message).toContain("CREDITKIT_LOG must be one of debug, info, warn, error or off, not 'verbose-and-then-som'");
  });
});

describe('CREDITKIT_LOG on a client', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('writes JSON lines to stderr at the level asked, with the key redacted, for a client given no logger', async () => {
    vi.stubEnv('CREDITKIT_LOG', 'debug');
    const written: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void written.push(line));
    const client = createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1 } });
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    await client.call(tinyOperations.getBalance, { account: 'a' });
    const lines = written.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.event)).toEqual(['request.start', 'request.send', 'request.end', 'retry.scheduled', 'request.start', 'request.send', 'request.end']);
    expect(lines[2]).toMatchObject({ level: 'warn', provider: 'tiny', operation: 'getBalance', status: 503, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((lines[1]!.headers as Record<string, string>)['x-api-key']).toBe('[REDACTED]');
    for (const line of written) expect(line).not.toContain(TINY_KEY);
  });

  it('info leaves out the debug lines; a logger given in code wins over the variable', async () => {
    vi.stubEnv('CREDITKIT_LOG', 'info');
    const written: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void written.push(line));
    await createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') }).call(tinyOperations.getBalance, { account: 'a' });
    expect(written.map((l) => JSON.parse(l).event)).toEqual(['request.end']);
    written.length = 0;
    const own: string[] = [];
    await createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), logger: (l) => own.push(l.event) }).call(tinyOperations.getBalance, { account: 'a' });
    expect(written).toEqual([]);
    expect(own).toEqual(['request.end']);
  });

  it("escapes C1 controls and bidi overrides from a server's text, so stderr cannot drive a terminal; the line stays the same JSON", async () => {
    vi.stubEnv('CREDITKIT_LOG', 'info');
    const written: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void written.push(line));
    const hostile = 'busy \u009b31m red \u202e desrever \u2028 next';
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503, body: JSON.stringify({ message: hostile }) } });
    await createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1 } }).call(tinyOperations.getBalance, { account: 'a' });
    const retry = written.find((l) => l.includes('retry.scheduled'))!;
    expect(retry).toMatch(/\\u009b31m red \\u202e desrever \\u2028 next/);
    expect(retry).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2028]/);
    expect(JSON.parse(retry).reason).toContain(hostile);
  });

  it('an unknown value fails at client creation, before anything is sent', () => {
    vi.stubEnv('CREDITKIT_LOG', 'yes');
    expect(() => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') })).toThrow(ConfigurationError);
    expect(server.mock.requests).toHaveLength(0);
  });
});
