// Which transport a call goes out on, and the read-once Response every transport hands back.
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../client.js';
import { platformTransport } from '../node.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { BufferedResponse } from './buffered-response.js';

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

describe('BufferedResponse', () => {
  const bytes = () => new TextEncoder().encode('{"ok":true}') as Uint8Array<ArrayBuffer>;
  const response = () => new BufferedResponse(bytes(), { status: 200, headers: { 'content-type': 'application/json' } });

  it('reads its body once, as text, bytes or JSON, like any Response', async () => {
    const r = response();
    expect(r.bodyUsed).toBe(false);
    expect(await r.json()).toEqual({ ok: true });
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    expect(new TextDecoder().decode(await response().arrayBuffer())).toBe('{"ok":true}');
  });

  it('clones into an independent copy with the same status and headers', async () => {
    const r = response();
    const copy = r.clone();
    expect(await copy.text()).toBe('{"ok":true}');
    expect(await r.text()).toBe('{"ok":true}');
    expect([copy.status, copy.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(() => r.clone()).toThrow(TypeError);
  });

  it('still offers its body as a stream to a reader that wants one', async () => {
    const r = response();
    expect(await new Response(r.body).text()).toBe('{"ok":true}');
    expect(r.bodyUsed).toBe(true);
    expect(new BufferedResponse(new Uint8Array(new ArrayBuffer(0)), { status: 204 }).body).toBeNull();
  });
});
