// Retries, "never twice", timeouts and aborts — on the wire, through the mock server's fault plan.
import { startMockServer } from '@creditkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from './client.js';
import type { Transport } from './transport/transport.js';
import {
  AbortedError, AlreadyAppliedError, ConnectionError, OutcomeUnknownError, RateLimitError, ServerError, TimeoutError,
} from './errors.js';
import type { LogLine } from './plugins/logger.js';
import { TINY_KEY, tinyOperations, tinyProvider, TRANSPORTS, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();
/** Set by each transport's block below. */
let transport: Transport;

function tiny(options: ClientOptions = {}, via: Transport = transport) {
  const lines: LogLine[] = [];
  const client = createClient({ ...tinyProvider, transport: via }, {
    apiKey: TINY_KEY,
    baseUrl: server.mock.url('tiny'),
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    logger: (line) => lines.push(line),
    logLevel: 'debug',
    ...options,
  });
  return { client, lines, waits: () => lines.filter((l) => l.event === 'retry.scheduled').map((l) => l.waitMs) };
}
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);
const bodies = () => server.mock.requests.map((r) => JSON.parse(r.body || 'null'));

describe.each(TRANSPORTS)('over %s', (_name, each) => {
  beforeAll(() => {
    transport = each;
  });

  describe('retries', () => {
    it('retries a safe GET through 503 and 500 with full-jitter backoff, then returns the result', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } }, { provider: 'tiny', fault: { kind: 'status', status: 500 } });
      const { client, waits } = tiny({ retry: { baseDelayMs: 40, maxDelayMs: 60, random: () => 0.5 } });
      await expect(client.call(tinyOperations.getBalance, { account: 'a1' })).resolves.toEqual({ account: 'a1', credits: 0 });
      expect(server.mock.requests.map((r) => r.path)).toEqual(['/balance/a1', '/balance/a1', '/balance/a1']);
      // Full jitter: random * min(cap, base * 2^retry) -> 0.5*40, then 0.5*min(60, 80).
      expect(waits()).toEqual([20, 30]);
    });

    it.each([
      ['retry-after-ms', { 'retry-after-ms': '150' }, 150],
      ['Retry-After (seconds)', { 'retry-after': '1' }, 1000],
      ["the provider's X-RateLimit-Reset (seconds remaining)", { 'x-ratelimit-reset': '1' }, 1000],
    ])('waits as %s asks before retrying', async (_name, headers, expected) => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 429, headers } });
      const { client, waits } = tiny();
      const started = performance.now();
      await client.call(tinyOperations.buyUnsafe, { credits: 5 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(expected - 5);
      expect(waits()).toEqual([expected]);
      expect(server.sim.purchases).toHaveLength(1);
    });

    it('fails fast with RateLimitError.retryAfterMs when the hint exceeds the budget, instead of sleeping', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 429, headers: { 'retry-after': '120' } } });
      const { client } = tiny();
      const started = performance.now();
      const error = await fail(client.call(tinyOperations.buyUnsafe, { credits: 5 }));
      expect(performance.now() - started).toBeLessThan(500);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(120_000);
      expect((error as RateLimitError).headers['retry-after']).toBe('120');
      expect(server.mock.requests).toHaveLength(1);
    });

    it('also fails fast when the hint is longer than what is left of totalTimeoutMs', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 429, headers: { 'retry-after': '2' } } });
      const { client } = tiny({ totalTimeoutMs: 1000 });
      const error = await fail(client.call(tinyOperations.getBalance, { account: 'x' }));
      expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 2000 });
      expect(server.mock.requests).toHaveLength(1);
    });

    it('honours maxRetries per client and per call', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 }, times: Number.POSITIVE_INFINITY });
      const { client } = tiny({ maxRetries: 0 });
      expect(await fail(client.call(tinyOperations.getBalance, { account: 'x' }))).toBeInstanceOf(ServerError);
      expect(server.mock.requests).toHaveLength(1);
      await fail(client.call(tinyOperations.getBalance, { account: 'x' }, { maxRetries: 3 }));
      expect(server.mock.requests).toHaveLength(5);
    });
  });

  describe('never a duplicate purchase', () => {
    it('does not retry an unsafe purchase after an after-processing reset: OutcomeUnknownError, recorded once', async () => {
      server.mock.faults.add({ provider: 'tiny', path: '/buy', fault: { kind: 'reset-after' } });
      const { client } = tiny();
      const error = await fail(client.call(tinyOperations.buyUnsafe, { credits: 7 }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(error).toMatchObject({ attempts: 1, reconcile: { method: 'POST', path: '/buy', input: { credits: 7 } } });
      expect((error as Error).message).toMatch(/Outcome unknown for tiny.buyUnsafe/);
      expect(server.sim.purchases).toEqual([{ credits: 7 }]);
      expect(server.mock.requests).toHaveLength(1);
    });

    it('cannot tell a drop before processing from one after, so an unsafe purchase is not retried either way', async () => {
      server.mock.faults.add({ provider: 'tiny', path: '/buy', fault: { kind: 'reset-before' } });
      const error = await fail(tiny().client.call(tinyOperations.buyUnsafe, { credits: 7 }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(server.sim.purchases).toHaveLength(0);
      expect(server.mock.requests).toHaveLength(1);
    });

    it('retries a keyed purchase after a drop before processing: one purchase, no conflict', async () => {
      server.mock.faults.add({ provider: 'tiny', path: '/buy-keyed', fault: { kind: 'reset-before' } });
      await expect(tiny().client.call(tinyOperations.buyKeyed, { credits: 7, key: 'k-1' })).resolves.toEqual({ id: 1, key: 'k-1' });
      expect(server.sim.purchases).toEqual([{ credits: 7, key: 'k-1' }]);
      expect(server.mock.requests).toHaveLength(2);
    });

    it('retries an unsafe purchase after 429 and after a 503 that names a retry time, but not after a bare 500', async () => {
      server.mock.faults.add(
        { provider: 'tiny', fault: { kind: 'status', status: 429 } },
        { provider: 'tiny', fault: { kind: 'status', status: 503, headers: { 'retry-after': '0' } } },
      );
      const { client } = tiny();
      await expect(client.call(tinyOperations.buyUnsafe, { credits: 1 })).resolves.toEqual({ id: 1 });
      expect(server.mock.requests).toHaveLength(3);
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 500 } });
      expect(await fail(client.call(tinyOperations.buyUnsafe, { credits: 2 }))).toBeInstanceOf(ServerError);
      expect(server.mock.requests).toHaveLength(4);
      expect(server.sim.purchases).toEqual([{ credits: 1 }]);
    });

    it('treats an unreadable 2xx to an unsafe purchase as an unknown outcome (it was processed)', async () => {
      server.mock.faults.add({ provider: 'tiny', path: '/buy', fault: { kind: 'malformed-after' } });
      const error = await fail(tiny().client.call(tinyOperations.buyUnsafe, { credits: 3 }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as Error).cause).toMatchObject({ name: 'DecodeError' });
      expect(server.sim.purchases).toHaveLength(1);
    });

    it('retries a keyed purchase with the same generated key, and reads the 409 on the repeat as "already applied"', async () => {
      server.mock.faults.add({ provider: 'tiny', path: '/buy-keyed', fault: { kind: 'reset-after' } });
      const error = await fail(tiny().client.call(tinyOperations.buyKeyed, { credits: 9 }));
      expect(error).toBeInstanceOf(AlreadyAppliedError);
      const [first, second] = bodies();
      expect(first.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.key).toBe(first.key);
      expect((error as AlreadyAppliedError).idempotencyKey).toBe(first.key);
      expect(server.sim.purchases).toHaveLength(1);
    });

    it('keeps one key per logical call across 5xx retries, and a fresh key per call', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 502 } });
      const { client } = tiny();
      await client.call(tinyOperations.buyKeyed, { credits: 1 });
      await client.call(tinyOperations.buyKeyed, { credits: 1 });
      const keys = bodies().map((b) => b.key);
      expect(keys[0]).toBe(keys[1]);
      expect(keys[2]).not.toBe(keys[1]);
      expect(server.sim.purchases).toHaveLength(2);
    });

    it('uses the caller-supplied idempotencyKey', async () => {
      await tiny().client.call(tinyOperations.buyKeyed, { credits: 1 }, { idempotencyKey: 'order-77' });
      expect(bodies()[0].key).toBe('order-77');
    });

    it('retries even an unsafe purchase when the connection was refused (nothing was sent)', async () => {
      const closed = await startMockServer({ providers: [] });
      const deadUrl = closed.url('tiny');
      await closed.close();
      // Every attempt refused: three attempts (two retries), nothing reached the server, nothing bought.
      const { client, waits } = tiny({ baseUrl: deadUrl, maxRetries: 2 });
      const error = await fail(client.call(tinyOperations.buyUnsafe, { credits: 1 }));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: false, code: 'ECONNREFUSED' });
      expect(waits()).toHaveLength(2);
      expect(server.mock.requests).toHaveLength(0);
      expect(server.sim.purchases).toHaveLength(0);
      // Refused twice, then the server is there: the purchase goes through once, on the third attempt.
      let attempts = 0;
      const refusedTwice: Transport = (request, ctx, config) => transport(++attempts <= 2 ? { ...request, url: request.url.replace(server.mock.url('tiny'), deadUrl) } : request, ctx, config);
      const through = tiny({ maxRetries: 2 }, refusedTwice);
      await expect(through.client.call(tinyOperations.buyUnsafe, { credits: 4 })).resolves.toEqual({ id: 1 });
      expect(attempts).toBe(3);
      expect(through.waits()).toHaveLength(2);
      expect(server.mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /buy']);
      expect(server.sim.purchases).toEqual([{ credits: 4 }]);
    });
  });

  // Each bound is far below what the call would take without the rule under test (a 1.5 s answer, ten retries,
  // a 5 s backoff), so a loaded machine can neither fake a pass nor fail a correct client.
  describe('timeouts and cancellation', () => {
    it('ends an attempt at timeoutMs with TimeoutError, not when the slow answer comes', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 1500 } });
      const started = performance.now();
      const error = await fail(tiny({ timeoutMs: 100, maxRetries: 0 }).client.call(tinyOperations.getBalance, { account: 'x' }));
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ scope: 'attempt', timeoutMs: 100 });
      expect(elapsed).toBeGreaterThanOrEqual(99);
      expect(elapsed).toBeLessThan(1000);
    });

    it('retries a timed-out safe call, but turns a timed-out unsafe purchase into OutcomeUnknownError', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 400 } });
      await expect(tiny({ timeoutMs: 100 }).client.call(tinyOperations.getBalance, { account: 'x' })).resolves.toMatchObject({ account: 'x' });
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 400 } });
      const error = await fail(tiny({ timeoutMs: 100 }).client.call(tinyOperations.buyUnsafe, { credits: 1 }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' });
    });

    it('stops the whole call at totalTimeoutMs, retries included', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 1000 }, times: 5 });
      const started = performance.now();
      const error = await fail(tiny({ timeoutMs: 80, totalTimeoutMs: 200, maxRetries: 10 }).client.call(tinyOperations.getBalance, { account: 'x' }));
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).scope).toBe('total');
      expect(elapsed).toBeLessThan(600);
    });

    it("tells the caller's abort apart from a timeout, and stops at once", async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 1500 } });
      const controller = new AbortController();
      let abortedAt = 0;
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort(new Error('user pressed cancel'));
      }, 80);
      const error = await fail(tiny().client.call(tinyOperations.getBalance, { account: 'x' }, { signal: controller.signal }));
      expect(error).toBeInstanceOf(AbortedError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect(performance.now() - abortedAt).toBeLessThan(500);
    });

    it('aborts during a backoff sleep at once', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 429, headers: { 'retry-after': '5' } } });
      const controller = new AbortController();
      let abortedAt = 0;
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 60);
      const error = await fail(tiny().client.call(tinyOperations.getBalance, { account: 'x' }, { signal: controller.signal }));
      expect(error).toBeInstanceOf(AbortedError);
      expect(performance.now() - abortedAt).toBeLessThan(500);
      expect(server.mock.requests).toHaveLength(1);
    });
  });
});
