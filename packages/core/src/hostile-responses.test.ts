// Bodies a hostile or broken server can send that used to escape the typed errors: a deeply nested JSON
// error body (its re-serialisation overflowed the stack), a secret echoed below the scrubber's depth, bytes
// that are not UTF-8 (silently replaced by U+FFFD), a `"__proto__"` key (it re-parented the result), and an
// empty 200 where the spec describes a body (it resolved to `undefined`, as if the purchase had an answer).
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import type { Transport } from './transport/transport.js';
import { jsonCodec } from './decode/json-codec.js';
import { ApiError, DecodeError, OutcomeUnknownError } from './errors.js';
import type { Shape } from './spec-types.js';
import { TINY_KEY, tinyOperations, tinyProvider, TRANSPORTS, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();
/** Set by each transport's block below. */
let transport: Transport;
const client = () => createClient({ ...tinyProvider, transport }, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1, maxDelayMs: 2 } });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);
const nested = (depth: number, inner: string) => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

describe.each(TRANSPORTS)('over %s', (_name, each) => {
  beforeAll(() => {
    transport = each;
  });

  describe('hostile response bodies', () => {
    it('turns a 10 000-deep JSON error body into an ApiError that still prints and serialises', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 400, body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` } });
      const error = await fail(client().call(tinyOperations.getBalance, { account: 'a' }));
      expect(error).toBeInstanceOf(ApiError);
      expect(() => JSON.stringify(error)).not.toThrow();
    });

    it('cuts an error body off below 20 levels instead of keeping it unscrubbed', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 400, body: nested(25, JSON.stringify({ echo: `key ${TINY_KEY}` })) } });
      const error = await fail(client().call(tinyOperations.getBalance, { account: 'a' }));
      expect(JSON.stringify(error)).not.toContain(TINY_KEY);
      expect(JSON.stringify(error)).toContain('[TRUNCATED]');
    });

    it('reads a 2xx body that is not UTF-8 as unreadable: a safe call is retried, a purchase is an unknown outcome', async () => {
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'invalid-utf8' } });
      await expect(client().call(tinyOperations.getBalance, { account: 'a' })).resolves.toEqual({ account: 'a', credits: 0 });
      expect(server.mock.requests).toHaveLength(2);
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'invalid-utf8' } });
      const error = await fail(client().call(tinyOperations.buyUnsafe, { credits: 1 }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as Error).cause).toBeInstanceOf(DecodeError);
      expect((error as Error).cause).toMatchObject({ message: 'The response body is not valid UTF-8', status: 200, raw: expect.stringContaining('\uFFFD') });
      expect(server.sim.purchases).toHaveLength(1);
    });

    it('keeps a "__proto__" key of a JSON body as data, in a decoded result and in an error body', async () => {
      const body = '{"__proto__":{"injected":true,"status":{"success":true}},"id":1}';
      const shape: Shape = { type: 'object', properties: { id: { type: 'integer' }, status: { type: 'object' } } };
      const result = jsonCodec.decode(body, shape) as Record<string, unknown>;
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(result.status).toBeUndefined();
      expect(Object.keys(result)).toEqual(['__proto__', 'id']);
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 400, body } });
      const error = (await fail(client().call(tinyOperations.getBalance, { account: 'a' }))) as ApiError;
      expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
      expect((error.body as Record<string, unknown>).injected).toBeUndefined();
    });

    it('reads an empty 2xx body as unreadable when the operation answers with one (a purchase: outcome unknown)', async () => {
      const buy = { ...tinyOperations.buyUnsafe, responseShape: { type: 'object', properties: { id: { type: 'integer' } } } } as const;
      server.mock.faults.add({ provider: 'tiny', fault: { kind: 'content-type', contentType: 'application/json', body: '' } });
      const error = await fail(client().call(buy, { credits: 1 }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as Error).cause).toMatchObject({ name: 'DecodeError', message: 'Empty application/json body where the operation answers with one' });
      expect(server.sim.purchases).toHaveLength(1);
    });
  });
});
