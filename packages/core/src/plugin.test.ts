// The stage contracts, on the wire: the pipeline's order is fixed and shown by describe(); user plugins hook in
// at named points and cannot take a stage's name or skip a guarantee; `shouldRetry` only removes retries; a
// `transport` option swaps the send stage and nothing else.
import { describe, expect, it } from 'vitest';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { createClient } from './client.js';
import { defineProvider } from './define-provider.js';
import { ConfigurationError, OutcomeUnknownError, ServerError, ValidationError } from './errors.js';
import type { Plugin, RetryInfo } from './plugin.js';
import { createRegistry } from './registry.js';
import type { WireRequest } from './transport/transport.js';

const server = useTinyMock();
const options = () => ({ apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1, maxDelayMs: 2 } });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);
const named = (name: string, hooks: Plugin['hooks'] = {}): Plugin => ({ name, hooks });

describe('the fixed pipeline', () => {
  it('describes its stages in order, the authorizers, and each hook point’s plugins in the order given', () => {
    const a = named('a', { beforeSend: () => undefined, onRetry: () => {} });
    const b = named('b', { beforeSend: () => undefined, afterDecode: () => {} });
    expect(createClient(tinyProvider, { ...options(), plugins: [a, b] }).describe()).toEqual({
      stages: ['validate', 'key', 'retry', 'serialize', 'authorize', 'send', 'decode', 'result'],
      authorize: ['auth:key'],
      hooks: { beforeSend: ['a', 'b'], afterDecode: ['b'], onRetry: ['a'] },
      codecs: ['application/json'],
    });
  });

  it.each(['retry', 'validate', 'key', 'send', 'timeout', 'validation', 'idempotency'])('refuses a plugin named %j: a stage is never replaced', (name) => {
    expect(() => createClient(tinyProvider, { ...options(), plugins: [named(name)] })).toThrow(ConfigurationError);
    expect(() => createClient(tinyProvider, { ...options(), plugins: [named(name)] })).toThrow(`A plugin cannot be named '${name}'`);
  });

  it('refuses two different plugins of one name, and an unknown hook point; the same plugin twice counts once', () => {
    expect(() => createClient(tinyProvider, { ...options(), plugins: [named('twin'), named('twin')] })).toThrow("Two different plugins are named 'twin'");
    const odd = { name: 'odd', hooks: { beforeAuthorize: () => undefined } } as unknown as Plugin;
    expect(() => createClient(tinyProvider, { ...options(), plugins: [odd] })).toThrow("Plugin 'odd' hooks into 'beforeAuthorize', which is not a hook point");
    const once = named('once', { beforeSend: () => undefined });
    expect(createClient(tinyProvider, { ...options(), plugins: [once, once] }).describe().hooks.beforeSend).toEqual(['once']);
  });

  it('runs a registry’s plugins before a client’s own, on every client it makes', async () => {
    const seen: string[] = [];
    const tiny = defineProvider()(tinyProvider, (client) => ({ getBalance: (input: { account: string }) => client.call(tinyOperations.getBalance, input) }));
    const registry = createRegistry([tiny], { plugins: [named('audit', { beforeSend: () => void seen.push('audit') })] });
    const client = registry.client('tiny', { ...options(), plugins: [named('trace', { beforeSend: () => void seen.push('trace') })] });
    expect(client.describe().hooks.beforeSend).toEqual(['audit', 'trace']);
    await client.getBalance({ account: 'z' });
    expect(seen).toEqual(['audit', 'trace']);
    expect(() => createRegistry([tiny], { plugins: [named('send')] })).toThrow(ConfigurationError);
  });
});

describe('hooks', () => {
  it('beforeSend sees each authorized request and may add a header, per attempt, seen on the wire', async () => {
    const auth: (string | undefined)[] = [];
    const tag = named('tag', {
      beforeSend: (request, ctx) => {
        auth.push(request.headers['x-api-key']);
        return { ...request, headers: { ...request.headers, 'x-attempt': String(ctx.attempt) } };
      },
    });
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    await createClient(tinyProvider, { ...options(), plugins: [tag] }).call(tinyOperations.getBalance, { account: 'z' });
    expect(server.mock.requests.map((r) => r.headers['x-attempt'])).toEqual(['1', '2']);
    expect(auth).toEqual([TINY_KEY, TINY_KEY]);
  });

  it('afterDecode sees the decoded result; one that throws cannot turn an applied purchase into a failure', async () => {
    const seen: unknown[] = [];
    const audit = named('audit', { afterDecode: (result) => void seen.push(result) });
    const broken = named('broken', {
      afterDecode: () => {
        throw new Error('observer bug');
      },
    });
    const lines: string[] = [];
    const client = createClient(tinyProvider, { ...options(), plugins: [audit, broken], logger: (line) => void lines.push(line.event) });
    await expect(client.call(tinyOperations.buyUnsafe, { credits: 4 })).resolves.toEqual({ id: 1 });
    expect(seen).toEqual([{ id: 1 }]);
    expect(server.sim.purchases).toEqual([{ credits: 4 }]);
    expect(lines).toContain('plugin.hook-failed');
  });

  it('cannot skip validation: an invalid input reaches no hook and nothing is sent', async () => {
    const hooked: string[] = [];
    const plugin = named('spy', { beforeSend: () => void hooked.push('beforeSend'), onRetry: () => void hooked.push('onRetry') });
    const error = await fail(createClient(tinyProvider, { ...options(), plugins: [plugin] }).call(tinyOperations.buyUnsafe, null));
    expect(error).toBeInstanceOf(ValidationError);
    expect(hooked).toEqual([]);
    expect(server.mock.requests).toHaveLength(0);
  });

  it('a beforeSend that throws ends the attempt before anything is sent', async () => {
    const refuse = named('refuse', {
      beforeSend: () => {
        throw new Error('not today');
      },
    });
    await expect(createClient(tinyProvider, { ...options(), plugins: [refuse] }).call(tinyOperations.buyUnsafe, { credits: 1 })).rejects.toThrow('not today');
    expect(server.mock.requests).toHaveLength(0);
  });
});

describe('retry policy', () => {
  it('onRetry and shouldRetry see each retry the rules allow; shouldRetry false removes it', async () => {
    const told: RetryInfo[] = [];
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 }, times: 2 });
    const client = createClient(tinyProvider, {
      ...options(),
      plugins: [named('watch', { onRetry: (info) => void told.push(info) })],
      shouldRetry: (info) => info.attempt < 2,
    });
    const error = await fail(client.call(tinyOperations.getBalance, { account: 'z' }));
    expect(error).toBeInstanceOf(ServerError);
    // The first 503 is retried; the policy vetoes the second retry, so the call ends after two requests.
    expect(server.mock.requests).toHaveLength(2);
    expect(told.map((t) => [t.attempt, t.ambiguous, t.operation])).toEqual([[1, false, 'getBalance']]);
  });

  it('shouldRetry cannot add a retry: an unsafe purchase in doubt is sent once whatever it returns', async () => {
    const asked: RetryInfo[] = [];
    server.mock.faults.add({ provider: 'tiny', path: '/buy', fault: { kind: 'reset-after' } });
    const client = createClient(tinyProvider, { ...options(), shouldRetry: (info) => asked.push(info) > 0 });
    const error = await fail(client.call(tinyOperations.buyUnsafe, { credits: 3 }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(server.mock.requests).toHaveLength(1);
    expect(asked).toEqual([]);
  });

  it('a shouldRetry that throws removes the retry, and the attempt’s own error ends the call', async () => {
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    const shouldRetry = () => {
      throw new Error('policy bug');
    };
    const error = await fail(createClient(tinyProvider, { ...options(), shouldRetry }).call(tinyOperations.getBalance, { account: 'z' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(server.mock.requests).toHaveLength(1);
  });
});

describe('the transport option', () => {
  it('swaps the send stage only: it gets the validated, keyed, authorized request and its answer is decoded', async () => {
    const sent: WireRequest[] = [];
    const client = createClient(tinyProvider, {
      ...options(),
      transport: async (request) => {
        sent.push(request);
        return { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{"id":7}') };
      },
    });
    await expect(client.call(tinyOperations.buyKeyed, { credits: 2 }, { idempotencyKey: 'k-1' })).resolves.toEqual({ id: 7 });
    expect(sent).toEqual([
      {
        method: 'POST',
        url: `${server.mock.url('tiny')}/buy-keyed`,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-api-key': TINY_KEY },
        body: '{"key":"k-1","credits":2}',
      },
    ]);
    expect(server.mock.requests).toHaveLength(0);
  });
});
