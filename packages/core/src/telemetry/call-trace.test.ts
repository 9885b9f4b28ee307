// What core hands an instrumenter, on the wire with the tiny provider: the call's start, each request (the operation's
// with its path template, its URL scrubbed), the traced events and the outcome. A throwing instrumenter changes nothing.
import { describe, expect, it } from 'vitest';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { createClient } from '../client.js';
import { OutcomeUnknownError, RateLimitError } from '../errors.js';
import type { CallEnd, CallStart, Instrumenter, RequestStart } from './instrumenter.js';

const server = useTinyMock();

function recording() {
  const seen = { starts: [] as CallStart[], requests: [] as (Omit<RequestStart, 'url'> & { url: string; status?: number; error?: string })[], events: [] as string[], ends: [] as CallEnd[] };
  const instrumenter: Instrumenter = {
    name: 'test',
    startCall(start) {
      seen.starts.push(start);
      return {
        recording: true,
        event: (name) => void seen.events.push(name),
        async request(request, send, errorType) {
          const row: (typeof seen.requests)[number] = { method: request.method, url: request.url(), urlTemplate: request.urlTemplate };
          seen.requests.push(row);
          try {
            const response = await send({ 'x-trace': 't-1' });
            row.status = response.status;
            return response;
          } catch (error) {
            row.error = errorType(error);
            throw error;
          }
        },
        end: (end) => void seen.ends.push(end),
      };
    },
  };
  return { instrumenter, seen };
}

const client = (telemetry: Instrumenter, extra = {}) => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), telemetry, retry: { baseDelayMs: 1 }, ...extra });

describe('the trace of a call', () => {
  it('a success: the start, the request with its template and headers the instrumenter adds, applied', async () => {
    const { instrumenter, seen } = recording();
    await client(instrumenter).call(tinyOperations.getBalance, { account: 'a-1' }, { intentId: 'order-1' });
    expect(seen.starts).toEqual([{ provider: 'tiny', operation: 'getBalance', idempotency: 'safe', intentId: 'order-1' }]);
    expect(seen.requests).toEqual([{ method: 'GET', url: `${server.mock.url('tiny')}/balance/a-1`, urlTemplate: '/balance/{account}', status: 200 }]);
    expect(server.mock.requests[0]!.headers['x-trace']).toBe('t-1');
    expect(seen.ends).toEqual([{ outcome: 'applied' }]);
  });

  it('a retried 503 then a 429 beyond the retries: the requests, a retry event each, failed with the error class', async () => {
    const { instrumenter, seen } = recording();
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } }, { provider: 'tiny', fault: { kind: 'status', status: 429 }, times: 2 });
    const error = await client(instrumenter).call(tinyOperations.getBalance, { account: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(seen.requests.map((r) => r.status)).toEqual([503, 429, 429]);
    expect(seen.events).toEqual(['creditkit.retry', 'creditkit.retry']);
    expect(seen.ends).toEqual([{ outcome: 'failed', errorType: 'RateLimitError', message: (error as Error).message }]);
  });

  it('an unsafe purchase whose answer was lost: a connection error on the request, in_doubt', async () => {
    const { instrumenter, seen } = recording();
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'reset-after' } });
    const error = await client(instrumenter).call(tinyOperations.buyUnsafe, { credits: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(seen.requests).toEqual([{ method: 'POST', url: `${server.mock.url('tiny')}/buy`, urlTemplate: '/buy', error: 'connection' }]);
    expect(seen.ends[0]).toMatchObject({ outcome: 'in_doubt', errorType: 'OutcomeUnknownError' });
  });

  it('a timeout is error type timeout; a caller abort is aborted', async () => {
    const { instrumenter, seen } = recording();
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 500 } });
    await client(instrumenter, { timeoutMs: 50, maxRetries: 0 }).call(tinyOperations.getBalance, { account: 'a' }).catch(() => {});
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'latency', ms: 500 } });
    await client(instrumenter).call(tinyOperations.getBalance, { account: 'a' }, { signal: AbortSignal.timeout(50) }).catch(() => {});
    expect(seen.requests.map((r) => r.error)).toEqual(['timeout', 'aborted']);
    expect(seen.ends.map((e) => e.errorType)).toEqual(['TimeoutError', 'AbortedError']);
  });

  it('an instrumenter whose startCall throws: the call goes on untraced, and the failure is logged', async () => {
    const lines: { event: string; step?: string }[] = [];
    const throwing: Instrumenter = { name: 'broken', startCall: () => { throw new Error('no tracer'); } };
    const result = await client(throwing, { logger: (l: { event: string; step?: string }) => void lines.push(l) }).call(tinyOperations.getBalance, { account: 'a' });
    expect(result).toMatchObject({ account: 'a' });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'telemetry.failed', step: 'start', error: 'no tracer' }));
  });

  it('a key that ends up in the path (passed as an account) is masked in the URL handed to the instrumenter', async () => {
    const { instrumenter, seen } = recording();
    await client(instrumenter).call(tinyOperations.getBalance, { account: TINY_KEY }).catch(() => {});
    expect(seen.requests[0]!.url).not.toContain(TINY_KEY);
    expect(seen.requests[0]!.url).toContain('[REDACTED]');
  });
});
