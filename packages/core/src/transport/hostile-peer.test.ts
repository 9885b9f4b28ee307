// A hostile or broken peer answering on the wire: a status a Response cannot hold (600, 999, a final 1xx, a 101
// upgrade), a reason phrase with a control character, a cut or garbled answer. Each call settles with a typed
// error (an unsafe purchase in doubt, a safe call retried), never a crash, an unhandled rejection or a hang.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ConnectionError, CreditkitError, OutcomeUnknownError, TimeoutError } from '../errors.js';
import { tinyOperations, tinyProvider, TRANSPORT_VARIANTS, useTrappedRawServer } from '@creditkit/test-support';
import type { Transport } from './transport.js';

const peer = useTrappedRawServer();
const escaped = peer.escaped;
afterEach(async () => {
  // An unhandled rejection surfaces a tick or two after the call settles.
  await new Promise((r) => setTimeout(r, 20));
  peer.server.requests.length = 0;
  expect(escaped.splice(0)).toEqual([]);
});


const json = (status: string, body = '{"id":1}') => `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
const settle = (p: Promise<unknown>) => p.then((value) => ({ value, error: undefined as unknown }), (error: unknown) => ({ value: undefined, error }));

describe.each(TRANSPORT_VARIANTS)('over %s', (_name, variant) => {
  const client = () =>
    createClient(
      { ...tinyProvider, ...(variant.transport ? { transport: variant.transport } : {}) },
      { apiKey: 'k-123', baseUrl: peer.server.url, timeoutMs: 2000, maxRetries: 1, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...variant.options },
    );

  // These crashed the process (node:http), escaped as a raw RangeError (fetch) or hung the call (101 upgrade).
  const UNREPRESENTABLE = [
    ['status 600', json('600 Beyond')],
    ['status 999', json('999 Nine')],
    ['101 without Upgrade', json('101 Switching Protocols')],
    ['101 Switching Protocols with an Upgrade header', 'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n\r\n'],
  ] as const;
  // Already typed before; kept as guards of the same rule.
  const BROKEN = [
    ['a final 1xx (199)', json('199 Odd')],
    ['a 103 hint, then nothing', 'HTTP/1.1 103 Early Hints\r\nlink: </x>\r\n\r\n'],
    ['a body cut short', 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"id":'],
    ['garbage instead of a status line', 'SMTP ready\r\n\r\n'],
    ['a broken chunked body', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nxx\r\n'],
    ['a header line with a control character', 'HTTP/1.1 200 OK\r\nx-a: a\x01b\r\ncontent-length: 2\r\n\r\n{}'],
  ] as const;

  it.each([...UNREPRESENTABLE, ...BROKEN])('%s: a purchase ends in doubt (sent, no usable answer), a safe call is retried', async (_case, bytes) => {
    peer.server.answer({ bytes });
    const purchase = await settle(client().call(tinyOperations.buyUnsafe, { credits: 5 }));
    expect(purchase.error).toBeInstanceOf(OutcomeUnknownError);
    expect((purchase.error as Error).cause).toBeInstanceOf(ConnectionError);
    expect((purchase.error as Error).cause).toMatchObject({ requestSent: true });
    expect(peer.server.requests).toHaveLength(1);

    peer.server.requests.length = 0;
    const query = await settle(client().call(tinyOperations.getBalance, { account: 'a' }));
    expect(query.error).toBeInstanceOf(ConnectionError);
    expect(peer.server.requests).toHaveLength(2);
  });

  it.each([
    ['600', json('600 Beyond')],
    ['999', json('999 Nine')],
  ])('says a status %s answer is unusable, with the code INVALID_RESPONSE', async (_status, bytes) => {
    peer.server.answer({ bytes });
    const { error } = await settle(client().call(tinyOperations.getBalance, { account: 'a' }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', requestSent: true });
  });

  it('ignores a reason phrase with a control character (RFC 9112: a client ignores it) and reads the answer', async () => {
    peer.server.answer({ bytes: json('200 O\x01K') });
    await expect(client().call(tinyOperations.buyUnsafe, { credits: 5 })).resolves.toEqual({ id: 1 });
    expect(peer.server.requests).toHaveLength(1);
  });

  it('ends an attempt at timeoutMs when the server sends a head and then nothing', async () => {
    peer.server.answer({ bytes: 'HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{', close: false });
    const started = performance.now();
    const { error } = await settle(client().call(tinyOperations.buyUnsafe, { credits: 5 }, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).cause).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('a transport that never settles', () => {
  it('is ended by the attempt timeout: a TimeoutError, not a hang', async () => {
    const stuck: Transport = () => new Promise(() => {});
    const client = createClient({ ...tinyProvider, transport: stuck }, { apiKey: 'k-123', baseUrl: peer.server.url, maxRetries: 0 });
    const started = performance.now();
    const { error } = await settle(client.call(tinyOperations.getBalance, { account: 'a' }, { timeoutMs: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(CreditkitError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
