// Faults that let the simulator process the request and then answer badly: the purchase exists, the answer
// says otherwise (a 5xx) or never comes. Told apart on the wire from `status`, which answers before processing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from './server.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ providers: ['finerworks'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const buy = (cartId: string, signal?: AbortSignal) =>
  fetch(`${mock.url('finerworks')}/v3/buy_account_credits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', web_api_key: mock.credentials.finerworks.webApiKey, app_key: mock.credentials.finerworks.appKey },
    body: JSON.stringify({ amount: 250, cart_id: cartId }),
    ...(signal ? { signal } : {}),
  });
const lines = (cartId: string) => mock.simulators.finerworks.carts.get(cartId)?.length ?? 0;

describe('fault plan: processed, then a bad answer', () => {
  it.each([500, 502, 504])('status-after %i: the purchase is made, the answer is the status', async (status) => {
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'status-after', status } });
    const res = await buy('after');
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ Message: `injected ${status}` });
    expect(lines('after')).toBe(1);
    expect(mock.faults.injected).toEqual([{ provider: 'finerworks', path: '/v3/buy_account_credits', kind: 'status-after' }]);
  });

  it('status-after takes the given headers and body (a gateway page)', async () => {
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'status-after', status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad Gateway</h1>' } });
    const res = await buy('gateway');
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toBe('<h1>Bad Gateway</h1>');
    expect(lines('gateway')).toBe(1);
  });

  it('status (before) answers without processing: nothing is bought', async () => {
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'status', status: 500 } });
    expect((await buy('before')).status).toBe(500);
    expect(lines('before')).toBe(0);
  });

  it('stall-after: the purchase is made and no answer comes until the client gives up', async () => {
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'stall-after' } });
    const started = performance.now();
    const error = await buy('stalled', AbortSignal.timeout(300)).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(lines('stalled')).toBe(1);
    // The next request is answered as usual.
    expect((await buy('stalled')).status).toBe(200);
    expect(lines('stalled')).toBe(2);
  });
});

describe('fault plan: tagged rules', () => {
  it('hit only requests that carry an x-request-id', async () => {
    mock.faults.add({ provider: 'finerworks', tagged: true, times: Number.POSITIVE_INFINITY, fault: { kind: 'status', status: 503 } });
    expect((await buy('untagged')).status).toBe(200);
    const tagged = await fetch(`${mock.url('finerworks')}/v3/buy_account_credits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'call-1', web_api_key: mock.credentials.finerworks.webApiKey, app_key: mock.credentials.finerworks.appKey },
      body: JSON.stringify({ amount: 250, cart_id: 'tagged' }),
    });
    expect(tagged.status).toBe(503);
    expect(mock.faults.injected).toEqual([{ provider: 'finerworks', path: '/v3/buy_account_credits', kind: 'status', requestId: 'call-1' }]);
  });
});
