// Property: whatever a peer sends as its status line, headers and body, over either transport, a call settles
// within its timeouts, with a result or a CreditkitError, and nothing escapes to the process (no unhandled
// rejection, no uncaught exception). The server is a raw TCP socket on 127.0.0.1, so nothing is sanitised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { CreditkitError } from '../errors.js';
import { tinyOperations, tinyProvider, TRANSPORT_VARIANTS, useTrappedRawServer } from '@creditkit/test-support';

const peer = useTrappedRawServer();
const escaped = peer.escaped;

const latin1 = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength });
const status = fc.oneof(
  fc.constantFrom('200', '201', '204', '100', '101', '103', '199', '301', '302', '304', '307', '308', '400', '401', '429', '500', '503', '600', '999', '099', '0', '1000'),
  fc.integer({ min: 0, max: 1099 }).map(String),
  latin1(4),
);
const reason = fc.oneof(fc.constant('OK'), fc.constant(''), latin1(12));
const headerName = fc.oneof(
  fc.constantFrom('content-type', 'content-length', 'transfer-encoding', 'location', 'upgrade', 'connection', 'keep-alive', 'x-request-id', 'retry-after', 'set-cookie'),
  latin1(8),
);
const headerValue = fc.oneof(
  fc.constantFrom('application/json', 'chunked', '0', '5', '99999', 'websocket', 'close', 'timeout=0', 'http://127.0.0.1:1/x?key=1', '//evil.invalid/', 'not a url'),
  latin1(16),
);
const body = fc.oneof(fc.constant('{"id":1}'), fc.constant(''), latin1(40));
const answer = fc.record({
  status,
  reason,
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 }),
  body,
  // Mostly a server that ends the connection; sometimes one that leaves it open (the call must time out).
  close: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  unsafe: fc.boolean(),
});

const TIMEOUT_MS = 300;
const MAX_RETRIES = 1;
/** Bounds the whole call: a random `Retry-After` longer than what is left fails at once instead of sleeping. */
const TOTAL_TIMEOUT_MS = (MAX_RETRIES + 1) * TIMEOUT_MS + 200;


describe.each(TRANSPORT_VARIANTS)('a hostile peer over %s', (_name, variant) => {
  it('never crashes, never hangs, and fails only with a CreditkitError', async () => {
    const client = createClient(
      { ...tinyProvider, ...(variant.transport ? { transport: variant.transport } : {}) },
      { apiKey: 'k-123', baseUrl: peer.server.url, timeoutMs: TIMEOUT_MS, totalTimeoutMs: TOTAL_TIMEOUT_MS, maxRetries: MAX_RETRIES, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...variant.options },
    );
    await fc.assert(
      fc.asyncProperty(answer, async (a) => {
        const head = `HTTP/1.1 ${a.status} ${a.reason}\r\n${a.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
        peer.server.answer({ bytes: head + a.body, close: a.close });
        const started = performance.now();
        const outcome = await (a.unsafe ? client.call(tinyOperations.buyUnsafe, { credits: 1 }) : client.call(tinyOperations.getBalance, { account: 'a' })).then(
          () => undefined,
          (error: unknown) => error,
        );
        const elapsed = performance.now() - started;
        // A result, or a typed error: nothing else.
        expect(outcome === undefined || outcome instanceof CreditkitError).toBe(true);
        expect(elapsed).toBeLessThan(TOTAL_TIMEOUT_MS + 1000);
        await new Promise((r) => setImmediate(r));
        expect(escaped).toEqual([]);
      }),
      { numRuns: 300 },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(escaped).toEqual([]);
  }, 120_000);
});
