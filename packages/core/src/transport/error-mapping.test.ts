// How a network failure becomes a ConnectionError, and why it matters: `requestSent` decides whether an unsafe
// purchase may be sent again. Driven through a client whose `fetch` fails the way undici and node:http fail, and
// on the wire for the body-size bound of both transports.
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ConnectionError, OutcomeUnknownError } from '../errors.js';
import { TINY_KEY, tinyOperations, tinyProvider, TRANSPORTS, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);

/** A fetch that fails the first `times` calls with `error`, then sends for real. */
function failingFetch(error: () => unknown, times = Number.POSITIVE_INFINITY) {
  let calls = 0;
  const f: typeof fetch = async (input, init) => {
    if (++calls <= times) throw error();
    return globalThis.fetch(input, init);
  };
  return { fetch: f, calls: () => calls };
}
const withCode = (code: string, message = `connect ${code} 127.0.0.1:9`) => Object.assign(new Error(message), { code });
const undiciFailure = (cause: unknown) => new TypeError('fetch failed', { cause });
const client = (f: typeof fetch) => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), fetch: f, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

describe('socket errors that prove nothing was sent', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL'])(
    '%s: an unsafe purchase is sent again, and bought once',
    async (code) => {
      const f = failingFetch(() => undiciFailure(withCode(code)), 1);
      await expect(client(f.fetch).call(tinyOperations.buyUnsafe, { credits: 2 })).resolves.toEqual({ id: 1 });
      expect(f.calls()).toBe(2);
      expect(server.sim.purchases).toEqual([{ credits: 2 }]);
    },
  );

  it('finds the code on a cause chain up to five deep, and reports it with the cause message', async () => {
    const deep = () => undiciFailure({ cause: { cause: { cause: withCode('ECONNREFUSED') } } });
    const error = await fail(client(failingFetch(deep).fetch).call(tinyOperations.buyUnsafe, { credits: 1 }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: false, code: 'ECONNREFUSED' });
    expect((error as Error).message).toBe('Connection failed before the request was sent: fetch failed');
    const shallow = await fail(client(failingFetch(() => undiciFailure(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND tiny.invalid'))).fetch).call(tinyOperations.getBalance, { account: 'a' }, { maxRetries: 0 }));
    expect((shallow as Error).message).toBe('Connection failed before the request was sent: fetch failed: getaddrinfo ENOTFOUND tiny.invalid');
  });

  it('does not look past five causes: a code deeper than that proves nothing', async () => {
    const tooDeep = () => undiciFailure({ cause: { cause: { cause: { cause: { cause: withCode('ECONNREFUSED') } } } } });
    const error = await fail(client(failingFetch(tooDeep).fetch).call(tinyOperations.buyUnsafe, { credits: 1 }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).cause).toMatchObject({ name: 'ConnectionError', requestSent: true });
    expect(((error as Error).cause as ConnectionError).code).toBeUndefined();
  });

  it("fetch's own refusal of a port (no code, cause 'bad port'): not sent", async () => {
    const f = failingFetch(() => undiciFailure(new Error('bad port')), 1);
    await expect(client(f.fetch).call(tinyOperations.buyUnsafe, { credits: 3 })).resolves.toEqual({ id: 1 });
    expect(server.sim.purchases).toHaveLength(1);
  });
});

describe('socket errors that leave the outcome open', () => {
  it.each([
    ['a reset (ECONNRESET)', () => undiciFailure(withCode('ECONNRESET'))],
    ['an error with no code', () => undiciFailure(new Error('other side closed'))],
    ['a cause that is not an Error', () => undiciFailure('socket hang up')],
    ['a thrown string', () => 'boom'],
  ])('%s: an unsafe purchase is not sent again (OutcomeUnknownError), a safe read is', async (_name, error) => {
    const unsafe = failingFetch(error);
    const outcome = await fail(client(unsafe.fetch).call(tinyOperations.buyUnsafe, { credits: 4 }));
    expect(outcome).toBeInstanceOf(OutcomeUnknownError);
    expect((outcome as Error).cause).toMatchObject({ name: 'ConnectionError', requestSent: true });
    expect(((outcome as Error).cause as Error).message).toMatch(/^Connection failed: /);
    expect(unsafe.calls()).toBe(1);
    const safe = failingFetch(error, 1);
    await expect(client(safe.fetch).call(tinyOperations.getBalance, { account: 'a' })).resolves.toEqual({ account: 'a', credits: 0 });
    expect(safe.calls()).toBe(2);
  });
});

describe.each(TRANSPORTS)('maxResponseBytes over %s', (_name, transport) => {
  const sized = (maxResponseBytes: number) => createClient({ ...tinyProvider, transport }, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), maxResponseBytes, maxRetries: 0 });
  // `{"account":"abc","credits":0}` is 29 bytes.
  it('reads a body of exactly the limit, and refuses one byte more as RESPONSE_TOO_LARGE (sent, processed)', async () => {
    await expect(sized(29).call(tinyOperations.getBalance, { account: 'abc' })).resolves.toEqual({ account: 'abc', credits: 0 });
    const error = await fail(sized(28).call(tinyOperations.getBalance, { account: 'abc' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: true, code: 'RESPONSE_TOO_LARGE', message: 'Response body exceeds the 28-byte limit (maxResponseBytes)' });
  });

  it('reads a body that arrives in many chunks whole (the answer padded to 300 kB), within the limit', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'oversize', bytes: 300_000 } });
    await expect(sized(300_000).call(tinyOperations.getBalance, { account: 'abc' })).resolves.toEqual({ account: 'abc', credits: 0 });
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'oversize', bytes: 300_001 } });
    await expect(sized(300_000).call(tinyOperations.getBalance, { account: 'abc' })).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });
});
