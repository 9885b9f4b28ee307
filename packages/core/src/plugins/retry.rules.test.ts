// The retry loop's finer rules, on the wire against the tiny simulator: what the final error is once retries
// run out, the exact edge of a server hint, the deadline reached during a backoff sleep, what the caller's
// abort carries, what the logs say, and the key of a call that has none to carry.
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../client.js';
import { AbortedError, OutcomeUnknownError, RateLimitError, ServerError, TimeoutError } from '../errors.js';
import type { LogLine } from './logger.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();
function tiny(options: ClientOptions = {}) {
  const lines: LogLine[] = [];
  const client = createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1, maxDelayMs: 5 }, logger: (l) => lines.push(l), logLevel: 'debug', ...options });
  return { client, lines };
}
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);
const always = (status: number, headers: Record<string, string> = {}) => server.mock.faults.add({ provider: 'tiny', times: Number.POSITIVE_INFINITY, fault: { kind: 'status', status, headers } });

describe('when retries run out', () => {
  it.each([
    ['429', 429, {}, RateLimitError],
    ['503 with a hint', 503, { 'retry-after-ms': '1' }, ServerError],
  ])('a %s refused before processing stays itself for an unsafe purchase: not an unknown outcome', async (_name, status, headers, type) => {
    always(status, headers);
    const error = await fail(tiny().client.call(tinyOperations.buyUnsafe, { credits: 1 }));
    expect(error).toBeInstanceOf(type);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect(server.mock.requests).toHaveLength(3);
    expect(server.sim.purchases).toHaveLength(0);
  });

  it('an unknown outcome tells the caller what to check, with the attempts made', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'reset-after' } });
    const error = await fail(tiny().client.call(tinyOperations.buyUnsafe, { credits: 6 }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ provider: 'tiny', operation: 'buyUnsafe', attempts: 1, reconcile: { method: 'POST', path: '/buy', input: { credits: 6 }, hint: 'Check the Tiny account for this request before sending it again.' } });
  });
});

describe('server hints at the edge of the budget', () => {
  it('sleeps through a hint exactly as long as maxRetryAfterMs, and logs why it gives up on a longer one', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 429, headers: { 'retry-after-ms': '50' } } });
    const ok = tiny({ retry: { maxRetryAfterMs: 50 } });
    await expect(ok.client.call(tinyOperations.getBalance, { account: 'a' })).resolves.toEqual({ account: 'a', credits: 0 });
    expect(ok.lines.find((l) => l.event === 'retry.scheduled')).toMatchObject({ level: 'info', attempt: 1, waitMs: 50, reason: '429 injected 429' });

    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 429, headers: { 'retry-after-ms': '51' } } });
    const over = tiny({ retry: { maxRetryAfterMs: 50 } });
    expect(await fail(over.client.call(tinyOperations.getBalance, { account: 'a' }))).toBeInstanceOf(RateLimitError);
    expect(over.lines.find((l) => l.event === 'retry.hint-exceeds-budget')).toMatchObject({ level: 'warn', attempt: 1, retryAfterMs: 51, budgetMs: 50 });
  });
});

describe('the deadline and the caller during a backoff sleep', () => {
  it('ends the call at totalTimeoutMs when the backoff would sleep past it: TimeoutError (total)', async () => {
    always(503);
    const started = performance.now();
    const error = await fail(tiny({ totalTimeoutMs: 200, retry: { baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 0.9 } }).client.call(tinyOperations.getBalance, { account: 'a' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'total', timeoutMs: 200, provider: 'tiny', operation: 'getBalance' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.mock.requests).toHaveLength(1);
  });

  it("carries the caller's reason when it aborts a backoff sleep", async () => {
    always(503);
    const controller = new AbortController();
    const reason = new Error('user pressed cancel');
    // Aborted once the backoff sleep has begun (not during the attempt, which has its own message).
    const logger = (line: LogLine) => void (line.event === 'retry.scheduled' && setTimeout(() => controller.abort(reason), 20));
    const error = await fail(tiny({ logger, retry: { baseDelayMs: 5000, maxDelayMs: 5000, random: () => 0.9 } }).client.call(tinyOperations.getBalance, { account: 'a' }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ message: 'Call aborted by the caller while waiting to retry', provider: 'tiny', operation: 'getBalance' });
    expect((error as Error).cause).toMatchObject({ message: reason.message });
  });
});

describe('idempotency keys', () => {
  it('leaves the body of an operation with no key field alone, even when the caller passes a key', async () => {
    await tiny().client.call(tinyOperations.buyUnsafe, { credits: 1 }, { idempotencyKey: 'k-1' });
    expect(JSON.parse(server.mock.requests[0]!.body)).toEqual({ credits: 1 });
  });

  it("keeps the caller's key from the input over a generated one, and the option's over both", async () => {
    const { client } = tiny();
    await client.call(tinyOperations.buyKeyed, { credits: 1, key: 'from-input' });
    await client.call(tinyOperations.buyKeyed, { credits: 1, key: 'from-input-2' }, { idempotencyKey: 'from-option' });
    expect(server.mock.requests.map((r) => JSON.parse(r.body).key)).toEqual(['from-input', 'from-option']);
  });

  it('runs after validation and before the retry loop', () => {
    const { stages } = tiny().client.describe();
    expect(stages.indexOf('validate')).toBeLessThan(stages.indexOf('key'));
    expect(stages.indexOf('key')).toBeLessThan(stages.indexOf('retry'));
  });
});
