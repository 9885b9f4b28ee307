// Path parameters are checked as URL segments by core for every operation, whatever its schema says: an
// empty, "." or ".." segment would be rewritten by URL normalisation and reach another resource.
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ValidationError } from '../errors.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();
const client = () => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') });

describe('path parameters', () => {
  it('refuses an empty, "." or ".." segment of an operation whose schema allows any string; nothing is sent', async () => {
    for (const [account, problem] of [['', 'must not be empty'], ['.', 'must not be "."'], ['..', 'must not be ".."'], ['a/b', 'must not contain / or \\']] as const) {
      const error = await client().call(tinyOperations.getBalance, { account }).then(() => expect.unreachable('sent'), (e: unknown) => e as ValidationError);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues).toEqual([{ path: 'account', rule: 'pathSegment', message: `account is a URL path segment and ${problem}` }]);
      expect(error.message).toBe(`Invalid tiny.getBalance: account is a URL path segment and ${problem}`);
    }
    expect(server.mock.requests).toHaveLength(0);
    await expect(client().call(tinyOperations.getBalance, { account: 'a.b' })).resolves.toEqual({ account: 'a.b', credits: 0 });
  });
});
