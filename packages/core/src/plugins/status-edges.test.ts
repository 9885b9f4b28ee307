// The edges of the status rules a purchase meets (README, "Retries"): the whole 3xx range is in doubt for an
// unsafe purchase (a redirect is never followed and proves nothing), the 4xx beside it is a plain refusal; and an
// error body sent as text/plain is still read as JSON when it is JSON, so its message reaches the error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ApiError, OutcomeUnknownError } from '../errors.js';
import { type RawServer, startRawServer, tinyOperations, tinyProvider } from '@creditkit/test-support';
import { nodeHttpTransport } from '../transport/node-transport.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const answer = (status: number, body = '', type = 'application/json') =>
  server.answer({ bytes: `HTTP/1.1 ${status} X\r\nconnection: close\r\ncontent-type: ${type}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}` });
const buy = () =>
  createClient({ ...tinyProvider, transport: nodeHttpTransport }, { apiKey: 'k-123', baseUrl: server.url, maxRetries: 2 })
    .call(tinyOperations.buyUnsafe, { credits: 5 })
    .then(() => undefined, (error: unknown) => error);

describe('an unsafe purchase at the edges of the 3xx range', () => {
  it.each([300, 399])('a %i is in doubt, sent once', async (status) => {
    answer(status);
    const error = await buy();
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it.each([400, 404])('a %i is a plain refusal (nothing was bought), sent once', async (status) => {
    answer(status, '{"message":"no such cart"}');
    const error = await buy();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ status, message: `${status} no such cart` });
    expect(server.requests).toHaveLength(1);
  });
});

describe('an error body whose content type says text', () => {
  it('is read as JSON when it is JSON, with or without leading white space', async () => {
    for (const body of ['{"message":"cart is closed"}', ' \n{"message":"cart is closed"}']) {
      answer(400, body, 'text/plain');
      const error = await buy();
      expect(error).toMatchObject({ status: 400, message: '400 cart is closed', body: { message: 'cart is closed' } });
    }
  });

  it('stays text when it is not JSON', async () => {
    answer(400, 'cart is closed {"not":"json at the start"}', 'text/plain');
    expect(await buy()).toMatchObject({ status: 400, body: 'cart is closed {"not":"json at the start"}' });
  });
});
