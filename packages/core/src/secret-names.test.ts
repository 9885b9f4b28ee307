// Every credential-carrying name is masked wherever a server echoes it back: as a field of an error body and as
// a response header, in any letter case, whatever its value (a value the client never registered included).
import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import type { ApiError } from './errors.js';
import { tinyOperations, tinyProvider } from '@creditkit/test-support';

const NAMES = [
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'web_api_key', 'app_key', 'x-api-key', 'authkey', 'signature', 'privatekey',
  'private_key', 'sharedkey', 'client_secret', 'clientsecret', 'access_token', 'refresh_token', 'apikey', 'api_key', 'password', 'token',
];
const echo = (name: string) => `unregistered-${name}-value`;

async function errorFor(body: Record<string, unknown>, headers: Record<string, string>): Promise<ApiError> {
  const client = createClient(tinyProvider, {
    apiKey: 'the-registered-key', baseUrl: 'https://tiny.example', maxRetries: 0,
    fetch: async () => new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json', ...headers } }),
  });
  return client.call(tinyOperations.getBalance, { account: 'a' }).then(() => expect.unreachable('should fail'), (e: unknown) => e as ApiError);
}

describe('secret names echoed by a server', () => {
  it.each(NAMES)('%s is masked in the error body and headers, in any case', async (name) => {
    const upper = name.toUpperCase();
    const error = await errorFor({ [name]: echo(name), nested: { [upper]: echo(upper) }, harmless: 'kept' }, { [name]: echo(name) });
    expect(error.body).toEqual({ [name]: '[REDACTED]', nested: { [upper]: '[REDACTED]' }, harmless: 'kept' });
    expect(error.headers[name]).toBe('[REDACTED]');
    expect(JSON.stringify(error)).not.toContain('unregistered-');
  });

  it('keeps names that only resemble them', async () => {
    const error = await errorFor({ tokens: 1, author: 'a', keyboard: 'k', passwordHint: 'h' }, { 'x-token-count': '3' });
    expect(error.body).toEqual({ tokens: 1, author: 'a', keyboard: 'k', passwordHint: 'h' });
    expect(error.headers['x-token-count']).toBe('3');
  });
});
