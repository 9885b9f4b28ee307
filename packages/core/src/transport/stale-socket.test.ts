// The stale keep-alive race: a server closes an idle connection at its own (unannounced) timeout just as a
// purchase goes out on it. The purchase was never processed, yet the client cannot prove it: it used to end as
// OutcomeUnknownError, a manual reconciliation for nothing. node:http now sends an unsafe request only on a
// socket idle for less than a short bound (UNSAFE_REUSE_MAX_IDLE_MS), otherwise on a new connection.
// (A user's `fetch` keeps its own pool, out of creditkit's reach.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { type RawServer, startRawServer, tinyOperations, tinyProvider } from '@creditkit/test-support';
import { UNSAFE_REUSE_MAX_IDLE_MS } from './fresh-socket.js';
import { nodeHttpTransport } from './node-transport.js';

/** The server's idle timeout: announced nowhere, and no shorter than the client's bound. */
const SERVER_IDLE_TIMEOUT_MS = UNSAFE_REUSE_MAX_IDLE_MS;
const OK = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 8\r\n\r\n{"id":1}';

let server: RawServer;
let purchases = 0;
beforeAll(async () => {
  server = await startRawServer();
  server.answer((request, connection) => {
    // Past its timeout the server has closed this connection: a request that crossed the close is lost unread.
    if (connection.idleMs !== undefined && connection.idleMs >= SERVER_IDLE_TIMEOUT_MS) return { bytes: '', drop: true };
    if (request.startsWith('POST /buy')) purchases++;
    return { bytes: OK, close: false };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  purchases = 0;
});

const client = () => createClient({ ...tinyProvider, transport: nodeHttpTransport }, { apiKey: 'k-1', baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an unsafe request on a keep-alive pool (node:http)', () => {
  it('takes a new connection when the pooled ones sat idle into the server timeout, so purchases are not left in doubt', async () => {
    const c = client();
    // Three pooled connections, then idle until the server has closed them (without saying so).
    await Promise.all([1, 2, 3].map(() => c.call(tinyOperations.getBalance, { account: 'a' })));
    const warm = server.connections;
    await sleep(SERVER_IDLE_TIMEOUT_MS + 100);
    const results = await Promise.allSettled([1, 2, 3].map(() => c.call(tinyOperations.buyUnsafe, { credits: 1 })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(purchases).toBe(3);
    expect(server.connections - warm).toBe(3);
  });

  // A guard (it held before): the rule costs a handshake only after an idle pause.
  it('still reuses a connection that was busy a moment ago (the cost stays one handshake per idle pause)', async () => {
    const c = client();
    await c.call(tinyOperations.getBalance, { account: 'a' });
    const before = server.connections;
    await c.call(tinyOperations.buyUnsafe, { credits: 1 });
    await c.call(tinyOperations.buyUnsafe, { credits: 1 });
    expect(server.connections).toBe(before);
    expect(purchases).toBe(2);
  });
});
