// No secret in any captured log line, error message, toString, JSON form or util.inspect output.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { ApiError, OutcomeUnknownError } from './errors.js';
import type { OperationSpec } from './spec-types.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';

const server = useTinyMock();

const forms = (error: unknown) => [String(error), (error as Error).message, (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })];

describe('secret hygiene', () => {
  it('keeps the API key out of every log line, even at debug level with retries', async () => {
    const captured: string[] = [];
    const client = createClient(tinyProvider, {
      apiKey: TINY_KEY,
      baseUrl: server.mock.url('tiny'),
      logLevel: 'debug',
      logger: { debug: (m, l) => captured.push(m, JSON.stringify(l)), info: (m, l) => captured.push(m, JSON.stringify(l)), warn: (m, l) => captured.push(m, JSON.stringify(l)), error: (m, l) => captured.push(m, JSON.stringify(l)) },
      retry: { baseDelayMs: 1 },
    });
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    await client.call(tinyOperations.getBalance, { account: 'a' });
    const lines = captured.filter((_, i) => i % 2 === 1).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(['request.start', 'request.send', 'request.end', 'retry.scheduled', 'request.start', 'request.send', 'request.end']);
    expect(lines[2]).toMatchObject({ provider: 'tiny', operation: 'getBalance', method: 'GET', status: 503, attempt: 1 });
    expect(lines[6]).toMatchObject({ status: 200, attempt: 2, durationMs: expect.any(Number) });
    expect(lines[1].headers['x-api-key']).toBe('[REDACTED]');
    for (const line of captured) expect(line).not.toContain(TINY_KEY);
  });

  it('scrubs a key the server echoes back from every form of the error', async () => {
    const client = createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') });
    const echo: OperationSpec = { ...tinyOperations.getBalance, id: 'echo', path: '/nowhere' };
    const error = await client.call(echo, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('404 no such path for key [REDACTED]');
    for (const form of forms(error)) expect(form).not.toContain(TINY_KEY);
  });

  it('scrubs secrets from an outcome-unknown error and its reconcile data', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'reset-after' } });
    const client = createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') });
    const error = await client.call(tinyOperations.buyUnsafe, { credits: 1, note: TINY_KEY } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    for (const form of forms(error)) expect(form).not.toContain(TINY_KEY);
  });
});
