import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { type AttemptPlugin, type CallPlugin, type Plugin, PluginOrderError, resolvePlugins } from './plugin.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';

const call = (name: string, extra: Partial<CallPlugin> = {}): CallPlugin => ({ name, phase: 'call', ...extra });
const names = (plugins: readonly Plugin[]) => plugins.map((p) => p.name);

describe('plugin order', () => {
  it('orders by before/after and dependencies with a topological sort, keeping the given order otherwise', () => {
    const order = resolvePlugins([
      call('a'),
      call('b', { after: ['c'] }),
      call('c'),
      call('d', { before: ['a'] }),
      call('e', { dependencies: ['b'] }),
    ]);
    expect(names(order.call)).toEqual(['c', 'b', 'd', 'a', 'e']);
  });

  it('rejects a cycle, naming the whole chain', () => {
    const plugins = [call('audit', { after: ['sign'] }), call('sign', { after: ['cache'] }), call('cache', { after: ['audit'] })];
    expect(() => resolvePlugins(plugins)).toThrow(PluginOrderError);
    expect(() => resolvePlugins(plugins)).toThrow(/cycle: (audit -> cache -> sign -> audit|sign -> audit -> cache -> sign|cache -> sign -> audit -> cache)/);
  });

  it('rejects a missing dependency, naming who needs it', () => {
    expect(() => resolvePlugins([call('metrics', { dependencies: ['tracing'] })])).toThrow("Plugin 'metrics' depends on 'tracing', which is not installed (chain: metrics -> tracing)");
  });

  it('applies the same plugin object once, and refuses two different plugins with one name', () => {
    const p = call('once');
    expect(names(resolvePlugins([p, p], [p]).call)).toEqual(['once']);
    expect(() => resolvePlugins([call('twin'), call('twin')])).toThrow("Two different plugins are named 'twin'");
  });
});

describe('plugins on a client', () => {
  const server = useTinyMock();
  const options = () => ({ apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') });

  it('describes the resolved order of both phases', () => {
    const trace: AttemptPlugin = { name: 'trace', phase: 'attempt', after: ['auth:key'] };
    const client = createClient(tinyProvider, { ...options(), plugins: [trace] });
    expect(client.describe()).toEqual({ call: ['validation', 'idempotency', 'retry'], attempt: ['logger', 'timeout', 'auth:key', 'trace'] });
  });

  it('lets a user plugin add a header per attempt, after auth, seen on the wire', async () => {
    const tag: AttemptPlugin = {
      name: 'tag',
      phase: 'attempt',
      after: ['auth:key'],
      middleware: (request, next, ctx) => {
        request.headers.set('x-attempt', String(ctx.attempt));
        return next(request);
      },
    };
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    await createClient(tinyProvider, { ...options(), plugins: [tag], retry: { baseDelayMs: 1 } }).call(tinyOperations.getBalance, { account: 'z' });
    expect(server.mock.requests.map((r) => r.headers['x-attempt'])).toEqual(['1', '2']);
  });

  it('runs middleware as an onion whose next may be called more than once', async () => {
    const twice: AttemptPlugin = {
      name: 'send-twice',
      phase: 'attempt',
      before: ['auth:key'],
      middleware: async (request, next) => {
        await next(request.clone());
        return next(request);
      },
    };
    await createClient(tinyProvider, { ...options(), plugins: [twice] }).call(tinyOperations.getBalance, { account: 'z' });
    expect(server.mock.requests).toHaveLength(2);
  });

  it('lets a call-phase plugin see the input and the decoded result', async () => {
    const seen: unknown[] = [];
    const audit: CallPlugin = {
      name: 'audit',
      phase: 'call',
      before: ['retry'],
      middleware: async (input, next) => {
        seen.push(input);
        const result = await next(input);
        seen.push(result);
        return result;
      },
    };
    await createClient(tinyProvider, { ...options(), plugins: [audit] }).call(tinyOperations.buyUnsafe, { credits: 4 });
    expect(seen).toEqual([{ credits: 4 }, { id: 1 }]);
  });

  it('replaces a built-in policy by name (here: a retry that never retries)', async () => {
    const noRetry: CallPlugin = { name: 'retry', phase: 'call', after: ['idempotency'] };
    server.mock.faults.add({ provider: 'tiny', fault: { kind: 'status', status: 503 } });
    const client = createClient(tinyProvider, { ...options(), plugins: [noRetry] });
    await expect(client.call(tinyOperations.getBalance, { account: 'z' })).rejects.toMatchObject({ status: 503 });
    expect(server.mock.requests).toHaveLength(1);
  });
});
