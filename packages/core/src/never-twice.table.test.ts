// The README's retry table ("Retries: never a duplicate purchase"), executed on the wire: every idempotency
// class × every failure, against the tiny simulator hosted by the mock server (fault plan + request log).
// Each cell asserts what the server saw (requests, purchases) and how the call ended (value or error class).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from './client.js';
import type { FaultRule } from '@creditkit/mock';
import type { Transport } from './transport/transport.js';
import { TINY_KEY, tinyOperations, tinyProvider, TRANSPORTS, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();

type Class = 'safe' | 'keyed' | 'unsafe';
/** One cell: how many requests reached the server, how many purchases it recorded, and the outcome. */
interface Cell {
  requests: number;
  purchases: number;
  /** An error class name, or 'ok'. */
  ends: string;
}
interface Failure {
  name: string;
  /** Fault-plan rules for the first attempt(s). */
  faults?: FaultRule[];
  /** The first attempt never leaves this machine (connection refused). */
  refuseFirst?: boolean;
  options?: ClientOptions;
  /** The server keeps working after the client gave up (a late purchase): wait this long before counting. */
  settleMs?: number;
  expect: Record<Class, Cell>;
}

const status = (code: number, headers?: Record<string, string>): FaultRule => ({ provider: 'tiny', fault: { kind: 'status', status: code, ...(headers ? { headers } : {}) } });
const fault = (kind: 'reset-before' | 'reset-after' | 'malformed-after'): FaultRule => ({ provider: 'tiny', fault: { kind } });
const slow = (ms: number): FaultRule => ({ provider: 'tiny', fault: { kind: 'latency', ms } });

const ok = (requests: number, purchases: number): Cell => ({ requests, purchases, ends: 'ok' });
const err = (ends: string, requests: number, purchases: number): Cell => ({ requests, purchases, ends });
/** A retried failure: the repeat succeeds and buys once. */
const retried = { safe: ok(2, 0), keyed: ok(2, 1), unsafe: ok(2, 1) };
/** Repeatable classes retry; an unsafe purchase stops at the first answer, having bought nothing. */
const notForUnsafe = (error: string) => ({ safe: ok(2, 0), keyed: ok(2, 1), unsafe: err(error, 1, 0) });

const TABLE: Failure[] = [
  { name: '408', faults: [status(408)], expect: notForUnsafe('ApiError') },
  { name: '429 without a hint', faults: [status(429)], expect: retried },
  { name: '429 with retry-after-ms', faults: [status(429, { 'retry-after-ms': '5' })], expect: retried },
  { name: '500', faults: [status(500)], expect: notForUnsafe('ServerError') },
  // A hint does not make a 500 a refusal: it may have been processed.
  { name: '500 with Retry-After', faults: [status(500, { 'retry-after': '0' })], expect: notForUnsafe('ServerError') },
  { name: '502', faults: [status(502)], expect: notForUnsafe('ServerError') },
  { name: '503 without a hint', faults: [status(503)], expect: notForUnsafe('ServerError') },
  { name: '503 with Retry-After', faults: [status(503, { 'retry-after': '0' })], expect: retried },
  { name: '503 with retry-after-ms', faults: [status(503, { 'retry-after-ms': '5' })], expect: retried },
  { name: '504', faults: [status(504)], expect: notForUnsafe('ServerError') },
  // Refused: the first attempt never reached the server, so only the repeat shows in its log.
  { name: 'a drop before the request is sent (connection refused)', refuseFirst: true, expect: { safe: ok(1, 0), keyed: ok(1, 1), unsafe: ok(1, 1) } },
  {
    name: 'a drop after sending, before processing',
    faults: [fault('reset-before')],
    expect: { safe: ok(2, 0), keyed: ok(2, 1), unsafe: err('OutcomeUnknownError', 1, 0) },
  },
  {
    name: 'a drop after processing',
    faults: [fault('reset-after')],
    // The keyed repeat meets the key it already used: 409 after an ambiguous attempt means "already applied".
    expect: { safe: ok(2, 0), keyed: err('AlreadyAppliedError', 2, 1), unsafe: err('OutcomeUnknownError', 1, 1) },
  },
  {
    name: 'an attempt timeout',
    faults: [slow(700)],
    // Wide margins: the repeat must finish inside timeoutMs even on two busy cores.
    options: { timeoutMs: 300 },
    settleMs: 600,
    // The late first attempt of the keyed call lands after the repeat: refused by key (409 to nobody).
    expect: { safe: ok(2, 0), keyed: ok(2, 1), unsafe: err('OutcomeUnknownError', 1, 1) },
  },
  {
    name: 'a total timeout',
    faults: [slow(300)],
    options: { timeoutMs: 2000, totalTimeoutMs: 100 },
    settleMs: 500,
    expect: { safe: err('TimeoutError', 1, 0), keyed: err('TimeoutError', 1, 1), unsafe: err('OutcomeUnknownError', 1, 1) },
  },
  {
    name: 'an unreadable 2xx',
    faults: [fault('malformed-after')],
    expect: { safe: ok(2, 0), keyed: err('AlreadyAppliedError', 2, 1), unsafe: err('OutcomeUnknownError', 1, 1) },
  },
  // Three attempts: every earlier attempt counts, not only the first or the last.
  {
    name: 'a drop before processing, then 500',
    faults: [fault('reset-before'), status(500)],
    expect: { safe: ok(3, 0), keyed: ok(3, 1), unsafe: err('OutcomeUnknownError', 1, 0) },
  },
  {
    name: '500, then a drop after processing',
    faults: [status(500), fault('reset-after')],
    expect: { safe: ok(3, 0), keyed: err('AlreadyAppliedError', 3, 1), unsafe: err('ServerError', 1, 0) },
  },
  {
    name: 'a 500 after processing, then the retry’s 409 on the same key',
    faults: [{ provider: 'tiny', fault: { kind: 'status-after', status: 500 } }],
    // The 500 did not say the work was not done: the 409 on the same key says it was (found by the workers soak).
    expect: { safe: ok(2, 0), keyed: err('AlreadyAppliedError', 2, 1), unsafe: err('ServerError', 1, 1) },
  },
  {
    name: '503, then 409',
    faults: [status(503), status(409)],
    // The 503 was a plain refusal, not an ambiguous attempt: the 409 is a conflict, not "already applied".
    expect: { safe: err('ConflictError', 2, 0), keyed: err('ConflictError', 2, 0), unsafe: err('ServerError', 1, 0) },
  },
];

let transport: Transport;
let deadPort = 0;

beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  deadPort = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
});

/** The first attempt goes to a closed port (ECONNREFUSED: provably never sent), the rest to the server. */
function refusingFirst(inner: Transport): Transport {
  let first = true;
  return (request, ctx, config) => {
    if (!first) return inner(request, ctx, config);
    first = false;
    const url = new URL(request.url);
    url.port = String(deadPort);
    return inner({ ...request, url: url.href }, ctx, config);
  };
}

const CALLS: Record<Class, (options: ClientOptions) => Promise<unknown>> = {
  safe: (options) => client(options).call(tinyOperations.getBalance, { account: 'a1' }),
  keyed: (options) => client(options).call(tinyOperations.buyKeyed, { credits: 3 }),
  unsafe: (options) => client(options).call(tinyOperations.buyUnsafe, { credits: 3 }),
};

function client(options: ClientOptions & { transport?: Transport }) {
  const { transport: chosen = transport, ...rest } = options;
  return createClient({ ...tinyProvider, transport: chosen }, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...rest });
}

const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof Error ? e.name : String(e)));

describe.each(TRANSPORTS)('never twice, over %s', (_name, each) => {
  beforeAll(() => {
    transport = each;
  });

  describe.each(TABLE)('$name', (row) => {
    it.each(['safe', 'keyed', 'unsafe'] as const)('%s', async (cls) => {
      if (row.faults) server.mock.faults.add(...row.faults);
      const options: ClientOptions & { transport?: Transport } = { ...row.options, ...(row.refuseFirst ? { transport: refusingFirst(each) } : {}) };
      const ends = await outcome(CALLS[cls](options));
      if (row.settleMs) await new Promise((r) => setTimeout(r, row.settleMs));
      const sent = server.mock.requests;
      expect({ requests: sent.length, purchases: server.sim.purchases.length, ends }).toEqual(row.expect[cls]);
      // Every request of one logical call is the same request: a keyed purchase carries one key throughout.
      expect(new Set(sent.map((r) => (r.body ? JSON.parse(r.body).key : null))).size).toBe(1);
      expect(new Set(sent.map((r) => `${r.method} ${r.path}`)).size).toBe(1);
    });
  });
});
