// xmlPlugin through core's pipeline, with an injected fetch: the codec is chosen by media type both ways, and
// a bad XML answer becomes a DecodeError that says who failed and carries no secret.
import { ConfigurationError, DecodeError, type OperationSpec } from '@creditkit/core';
import { createClient, type ProviderDefinition } from '@creditkit/core/internal';
import { describe, expect, it } from 'vitest';
import { xmlPlugin } from './index.js';

const TOKEN = 'echo-secret-token-0007';
const send: OperationSpec = {
  id: 'send',
  method: 'POST',
  path: '/send',
  requestMediaTypes: ['application/xml'],
  responseMediaTypes: ['application/xml'],
  security: [],
  idempotency: { kind: 'safe' },
  fields: [{ name: 'n', in: 'body' }],
  requestShape: { type: 'object', name: 'In', properties: { n: { type: 'number' } } },
  responseShape: { type: 'object', name: 'Out', properties: { ok: { type: 'boolean' } } },
  validate: Object.assign(() => true, { errors: null }),
};
const echo: ProviderDefinition = {
  spec: { id: 'echo', name: 'Echo', servers: { production: 'https://echo.invalid' }, defaultEnvironment: 'production', credentials: { token: { env: 'ECHO_TOKEN' } }, securitySchemes: {}, retryHints: [] },
  operations: { send },
};

function answering(body: string, seen: Request[] = []): typeof fetch {
  return (async (request: Request) => {
    seen.push(request.clone());
    return new Response(body, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
  }) as typeof fetch;
}

describe('xmlPlugin', () => {
  it('encodes the request and decodes a text/xml answer by the operation shapes', async () => {
    const seen: Request[] = [];
    const client = createClient(echo, { plugins: [xmlPlugin()], token: TOKEN, fetch: answering('<Out><ok>true</ok></Out>', seen), maxRetries: 0 });
    await expect(client.call(send, { n: 5 })).resolves.toEqual({ ok: true });
    expect(seen[0]!.headers.get('content-type')).toBe('application/xml');
    expect(seen[0]!.headers.get('accept')).toBe('application/xml');
    expect(await seen[0]!.text()).toBe('<In xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><n>5</n></In>');
    expect(client.describe().codecs).toContain('application/xml');
  });

  it('is what makes XML possible: without it the client refuses before sending', async () => {
    const seen: Request[] = [];
    const client = createClient(echo, { token: TOKEN, fetch: answering('<Out/>', seen) });
    await expect(client.call(send, { n: 5 })).rejects.toThrow(ConfigurationError);
    expect(seen).toHaveLength(0);
  });

  it('reports a hostile answer as a DecodeError with provider, operation and status, its raw text scrubbed', async () => {
    const client = createClient(echo, { plugins: [xmlPlugin()], token: TOKEN, fetch: answering(`<Out><__proto__>${TOKEN}</__proto__></Out>`), maxRetries: 0 });
    const error = await client.call(send, { n: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ provider: 'echo', operation: 'send', status: 200, message: expect.stringContaining('__proto__') });
    expect((error as DecodeError).raw).toBe('<Out><__proto__>[REDACTED]</__proto__></Out>');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});
