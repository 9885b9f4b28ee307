// A time limit longer than a timer can hold (2^31-1 ms, about 24.8 days) used to fire at once (Node's
// TimeoutOverflowWarning), and an infinite one made the OAuth2 token request throw a raw RangeError: both are
// now limits that never end a call early.
import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();

describe('a very long timeoutMs', () => {
  it.each([3_000_000_000, Number.POSITIVE_INFINITY])('%s ms does not end the attempt at once', async (timeoutMs) => {
    const client = createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), timeoutMs, maxRetries: 0 });
    await expect(client.call(tinyOperations.getBalance, { account: 'a' })).resolves.toEqual({ account: 'a', credits: 0 });
    await expect(client.call(tinyOperations.getBalance, { account: 'a' }, { timeoutMs: 3_000_000_000 })).resolves.toEqual({ account: 'a', credits: 0 });
  });
});
