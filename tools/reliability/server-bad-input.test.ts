// Bad answers from the server side, for every provider (both transports: fetch, and node:http for
// software_DNA): oversize, not UTF-8, the wrong content type (an HTML error page, text/plain, JSON on an XML
// operation and XML on a JSON one), empty, cut off, and a body that never ends. Each is a typed error, or a
// value where the spec makes the answer readable, within a time bound: never a hang, never a crash.
import { ConnectionError, CreditkitError, DecodeError, OutcomeUnknownError, ServerError, TimeoutError } from '@creditkit/core';
import { type Fault, type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CASES, clientFor, liftRateLimits, type ProviderCase } from './providers.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.reset();
  liftRateLimits(mock);
});

const isXml = (c: ProviderCase) => c.id === 'safecreative' || c.options.format === 'xml';
const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><hr><center>nginx</center></body></html>';

type Expected = 'value' | (abstract new (...args: never[]) => CreditkitError);
interface BadAnswer {
  name: string;
  fault: (c: ProviderCase) => Fault;
  /** The error of the failed attempt; after processing, an unsafe purchase turns it into OutcomeUnknownError. */
  expect: Expected;
  /** The server had processed the request when it answered badly. */
  processed: boolean;
  options?: Record<string, unknown>;
}

const BAD_ANSWERS: BadAnswer[] = [
  { name: 'oversize (past maxResponseBytes)', fault: () => ({ kind: 'oversize', bytes: 256 * 1024 }), options: { maxResponseBytes: 32 * 1024 }, expect: ConnectionError, processed: true },
  { name: 'not UTF-8', fault: () => ({ kind: 'invalid-utf8' }), expect: DecodeError, processed: true },
  { name: 'HTML error page (502, before processing)', fault: () => ({ kind: 'status', status: 502, headers: { 'content-type': 'text/html' }, body: HTML }), expect: ServerError, processed: false },
  { name: 'HTML page with a 200', fault: () => ({ kind: 'content-type', contentType: 'text/html; charset=utf-8', body: HTML }), expect: DecodeError, processed: true },
  { name: 'text/plain (the spec says how to read it)', fault: () => ({ kind: 'content-type', contentType: 'text/plain' }), expect: 'value', processed: true },
  { name: 'JSON label on XML, XML label on JSON', fault: (c) => ({ kind: 'content-type', contentType: isXml(c) ? 'application/json' : 'application/xml' }), expect: DecodeError, processed: true },
  { name: 'empty 200', fault: (c) => ({ kind: 'content-type', contentType: isXml(c) ? 'application/xml' : 'application/json', body: '' }), expect: DecodeError, processed: true },
  { name: 'cut off mid-body', fault: () => ({ kind: 'truncate-after' }), expect: ConnectionError, processed: true },
  { name: 'endless slow body', fault: () => ({ kind: 'slow-body', intervalMs: 20 }), options: { timeoutMs: 300 }, expect: TimeoutError, processed: true },
];

const cases = CASES.flatMap((c) => BAD_ANSWERS.map((bad) => [c.label, bad.name, c, bad] as const));

describe('bad answers from the server, every provider', () => {
  it.each(cases)('%s, %s: a typed outcome within 3 s', async (_label, _name, c, bad) => {
    // On the operation only (2sms's token request is not the subject here).
    mock.faults.add({ provider: c.id, ...(c.id === 'accountadmin' ? { path: 'PurchaseCredits' } : {}), fault: bad.fault(c) });
    const call = clientFor(c, mock, { maxRetries: 0, ...bad.options });
    const started = performance.now();
    const error = await call(c.input(`bad-${bad.name}`)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(3000);
    if (bad.expect === 'value') return void expect(error).toBeUndefined();
    expect(error).toBeInstanceOf(CreditkitError);
    if (bad.processed && c.spec.idempotency.kind === 'unsafe') {
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as Error).cause).toBeInstanceOf(bad.expect);
    } else {
      expect(error).toBeInstanceOf(bad.expect);
    }
  });
});
