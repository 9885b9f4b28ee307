// The host in front of the simulators: a path prefix names a simulator by its own id, nothing inherited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from './server.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

describe('simulator host', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nope'])('answers 404 for the prefix /%s', async (prefix) => {
    const response = await fetch(`${mock.origin}/${prefix}/v1/anything`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(`no simulator at /${prefix}`);
  });

  it('still routes a prefix to its simulator, in any case', async () => {
    const response = await fetch(`${mock.origin}/FinerWorks/v3/buy_account_credits`, { method: 'POST', body: '{}' });
    expect(response.status).not.toBe(404);
    expect(mock.requests.at(-1)).toMatchObject({ provider: 'finerworks', method: 'POST', path: '/v3/buy_account_credits' });
  });
});
