// Which transport a call goes out on.
import { describe, expect, it, vi } from 'vitest';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { createClient } from '../client.js';
import { platformTransport } from '../node.js';

const server = useTinyMock();
const buy = tinyOperations.buyUnsafe;
const options = () => ({ apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') });
/** Undici's fetch marks every request it sends; node:http sends only the headers it is given. */
const sentByFetch = () => server.mock.requests.map((r) => r.headers['sec-fetch-mode'] !== undefined);

describe('transport choice', () => {
  it("sends through node:http in Node when the provider prefers the platform's transport", async () => {
    const client = createClient({ ...tinyProvider, transport: platformTransport }, options());
    await client.call(buy, { credits: 100 });
    expect(sentByFetch()).toEqual([false]);
    expect(server.mock.requests[0]!.headers['user-agent']).toBe(`creditkit (node:http; Node.js ${process.version})`);
    expect(server.sim.purchases).toHaveLength(1);
  });

  it("keeps a caller's own user-agent on node:http", async () => {
    const client = createClient({ ...tinyProvider, transport: platformTransport }, options());
    await client.call(buy, { credits: 100 }, { headers: { 'user-agent': 'shop-backend/2.1' } });
    expect(server.mock.requests[0]!.headers['user-agent']).toBe('shop-backend/2.1');
  });

  it("sends through the caller's fetch when one is given, over the provider's preference", async () => {
    const spy = vi.fn(globalThis.fetch);
    const client = createClient({ ...tinyProvider, transport: platformTransport }, { ...options(), fetch: spy });
    await client.call(buy, { credits: 100 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(sentByFetch()).toEqual([true]);
  });
});
