// The edges of the retry loop and the attempt runner that a user reads: which deadline ended a call (and the
// limit it names), and the log line each observer or policy failure leaves, on the wire against the tiny simulator.
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../client.js';
import { ServerError, TimeoutError } from '../errors.js';
import type { LogLine } from '../plugins/logger.js';

const server = useTinyMock();
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);
function tiny(options: ClientOptions = {}) {
  const lines: LogLine[] = [];
  const client = createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1, maxDelayMs: 2 }, logger: (l) => lines.push(l), ...options });
  return { client, lines };
}

describe('which deadline ends an attempt', () => {
  it('the call deadline, when it comes before the attempt timeout: TimeoutError naming totalTimeoutMs', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 1500 } });
    const error = await fail(tiny({ timeoutMs: 10_000, totalTimeoutMs: 150 }).client.call(tinyOperations.getBalance, { account: 'a' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'total', timeoutMs: 150 });
    expect(server.mock.requests).toHaveLength(1);
  });

  it('the attempt timeout, when it comes first: TimeoutError naming timeoutMs', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 1500 } });
    const error = await fail(tiny({ timeoutMs: 100, totalTimeoutMs: 10_000, maxRetries: 0 }).client.call(tinyOperations.getBalance, { account: 'a' }));
    expect(error).toMatchObject({ name: 'TimeoutError', scope: 'attempt', timeoutMs: 100 });
  });
});

describe('what a failing observer or policy leaves in the log', () => {
  it('an onRetry hook that throws: a warn line naming the plugin and the hook, and the retry still happens', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    const broken = { name: 'broken', hooks: { onRetry: () => { throw new Error('observer bug'); } } };
    const { client, lines } = tiny({ plugins: [broken] });
    await expect(client.call(tinyOperations.getBalance, { account: 'a' })).resolves.toEqual({ account: 'a', credits: 0 });
    expect(server.mock.requests).toHaveLength(2);
    expect(lines.find((l) => l.event === 'plugin.hook-failed')).toMatchObject({ level: 'warn', plugin: 'broken', hook: 'onRetry', error: 'observer bug' });
  });

  it('an afterDecode hook that throws: a warn line naming the plugin and the hook', async () => {
    const broken = { name: 'late', hooks: { afterDecode: () => { throw new Error('audit down'); } } };
    const { client, lines } = tiny({ plugins: [broken] });
    await client.call(tinyOperations.getBalance, { account: 'a' });
    expect(lines.find((l) => l.event === 'plugin.hook-failed')).toMatchObject({ level: 'warn', plugin: 'late', hook: 'afterDecode', error: 'audit down' });
  });

  it('a shouldRetry that throws removes the retry, and says why', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    const { client, lines } = tiny({ shouldRetry: () => { throw new Error('policy bug'); } });
    expect(await fail(client.call(tinyOperations.getBalance, { account: 'a' }))).toBeInstanceOf(ServerError);
    expect(server.mock.requests).toHaveLength(1);
    expect(lines.find((l) => l.event === 'retry.policy-failed')).toMatchObject({ level: 'warn', attempt: 1, error: 'policy bug' });
  });

  it('a shouldRetry that answers false: an info line for the vetoed attempt', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    const { client, lines } = tiny({ shouldRetry: () => false });
    expect(await fail(client.call(tinyOperations.getBalance, { account: 'a' }))).toBeInstanceOf(ServerError);
    expect(lines.find((l) => l.event === 'retry.vetoed')).toMatchObject({ level: 'info', attempt: 1 });
  });

  it('a server hint longer than the time left: a warn line with the hint and the budget, and no retry', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503, headers: { 'retry-after-ms': '5000' } } });
    const { client, lines } = tiny({ totalTimeoutMs: 1000 });
    expect(await fail(client.call(tinyOperations.getBalance, { account: 'a' }))).toBeInstanceOf(ServerError);
    expect(server.mock.requests).toHaveLength(1);
    const line = lines.find((l) => l.event === 'retry.hint-exceeds-budget');
    expect(line).toMatchObject({ level: 'warn', attempt: 1, retryAfterMs: 5000 });
    expect(line?.budgetMs).toBeLessThanOrEqual(1000);
  });
});
