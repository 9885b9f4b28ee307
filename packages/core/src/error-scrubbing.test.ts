// Every string an error carries is scrubbed, and long text is cut only after scrubbing: requestId and headers
// echoing a key, a ProviderError code, the whole cause chain (a cause built where no secrets were known, as a
// codec builds its DecodeError), a body summary or raw text cut right inside a key, a quoted input value cut
// right inside a key. Also every log line, scrubbed before it is serialised.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { ApiError, ConnectionError, CreditkitError, DecodeError, ProviderError, ValidationError } from './errors.js';
import { makeLog } from './plugins/logger.js';
import { REDACTED, Secrets } from './redact.js';
import type { OperationSpec, Validator } from './spec-types.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();
const HEAD = TINY_KEY.slice(0, 8);

/** Every way an error reaches a log: String, JSON, inspect, and each cause's message and stack. */
function forms(error: unknown): string[] {
  const out = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })];
  for (let e: unknown = error, i = 0; e instanceof Error && i < 10; e = e.cause, i++) out.push(e.message, e.stack ?? '', inspect(e, { depth: 10 }));
  return out;
}
const expectClean = (error: unknown, fragment = HEAD) => {
  for (const form of forms(error)) expect(form).not.toContain(fragment);
};
const secrets = () => {
  const s = new Secrets();
  s.add(TINY_KEY);
  return s;
};
const client = () => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), maxRetries: 0 });

describe('errors carry no secret in any field', () => {
  it('scrubs an x-request-id and other headers that echo the key (on the wire)', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 400, headers: { 'x-request-id': `req-${TINY_KEY}`, 'x-debug': encodeURIComponent(TINY_KEY) }, body: '{"message":"no"}' } });
    const error = (await client().call(tinyOperations.getBalance, { account: 'a' }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.requestId).toBe(`req-${REDACTED}`);
    expect(error.headers['x-debug']).toBe(REDACTED);
    expectClean(error);
  });

  it('scrubs the code of a ProviderError (a 2xx body that says it failed can echo anything)', () => {
    const error = new ProviderError({ code: `Denied-${TINY_KEY}`, message: 'no', secrets: secrets() });
    expect(error.code).toBe(`Denied-${REDACTED}`);
    expectClean(error);
  });

  it('scrubs the whole cause chain, also a creditkit error built where no secrets were known', () => {
    const root = Object.assign(new Error(`socket said ${TINY_KEY}`), { code: 'ECONNRESET' });
    const inner = new Error(`fetch failed for ${TINY_KEY}`, { cause: root });
    const codecError = new DecodeError(`Could not decode: got ${JSON.stringify(TINY_KEY)}`, { raw: TINY_KEY, cause: inner });
    const error = new ConnectionError('Connection failed', { secrets: secrets(), requestSent: true, cause: codecError });
    const cause = error.cause as DecodeError;
    expect(cause).toBeInstanceOf(DecodeError);
    expect(cause.message).toBe(`Could not decode: got "${REDACTED}"`);
    expect(cause.raw).toBe(REDACTED);
    expect(((cause.cause as Error).cause as Error & { code: string }).code).toBe('ECONNRESET');
    expectClean(error);
  });

  it('scrubs the body before summing it up: a cut at 300 characters never leaves the head of a key', () => {
    for (const at of [290, 295, 299]) {
      const error = ApiError.from({ status: 400, body: `${'x'.repeat(at)}${TINY_KEY} tail`, secrets: secrets() });
      expect(error.message.startsWith(`400 ${'x'.repeat(at)}`)).toBe(true);
      expectClean(error);
    }
  });

  it('scrubs the raw body of a DecodeError before keeping its first 2 KiB', () => {
    const error = new DecodeError('bad body', { raw: `${'x'.repeat(2040)}${TINY_KEY}`, secrets: secrets() });
    expect(error.raw).toBe(`${'x'.repeat(2040)}${REDACTED}…`);
    expectClean(error);
  });

  it('scrubs a quoted input value before cutting it to its preview (on the wire, nothing sent)', async () => {
    const refuse: Validator = Object.assign(() => false, {
      errors: [{ instancePath: '/note', keyword: 'pattern', params: { pattern: '^[a-z]+$' }, data: `${'y'.repeat(50)}${TINY_KEY}` }],
    }) as never;
    const op: OperationSpec = { ...tinyOperations.buyUnsafe, validate: refuse };
    const error = (await client().call(op, { credits: 1 }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0]!.message).toContain(`got "${'y'.repeat(50)}`);
    expectClean(error);
    expect(server.mock.requests).toHaveLength(0);
  });

  it('keeps a creditkit cause of its class and fields, so callers can still read it', () => {
    const error = new CreditkitError('outer', { secrets: secrets(), cause: new ProviderError({ code: 'X', message: 'y', status: 200 }) });
    expect(error.cause).toBeInstanceOf(ProviderError);
    expect((error.cause as ProviderError).status).toBe(200);
  });
});

describe('log lines', () => {
  it('are scrubbed value by value, before serialisation: a key with a quote or a backslash does not pass', () => {
    for (const key of ['key-with-"quote"-0042', 'key-with-\\back\\slash-0042', 'key-with-\u0001control']) {
      const lines: unknown[] = [];
      // A plain scrubber that knows the key's raw form only: JSON escaping must never stand between them.
      const log = makeLog((line) => lines.push(line), 'debug', (s) => s.split(key).join(REDACTED));
      log('error', 'request.error', { error: `bad key ${key}`, nested: { list: [key] } }, { provider: 'tiny', operation: 'x' });
      expect(JSON.stringify(lines)).not.toContain(JSON.stringify(key).slice(1, -1));
      expect(lines).toEqual([{ level: 'error', event: 'request.error', provider: 'tiny', operation: 'x', error: `bad key ${REDACTED}`, nested: { list: [REDACTED] } }]);
    }
  });
});
