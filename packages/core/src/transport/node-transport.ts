// node:http(s) transport, the default in Node (as the AWS SDK's NodeHttpHandler is): it costs less per request
// than Node 20's WHATWG fetch, and it is the one that can send a JSON body on a GET (software_DNA's credits
// query), which fetch refuses. Imported through `@creditkit/core/node`; browsers get node-transport.browser.
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { ConnectionError } from '../errors.js';
import { dropStaleSockets, noteIdleAfter } from './fresh-socket.js';
import { checkStatus, headersFromRaw, invalidResponse, wireAnswer } from './received.js';
import type { Transport, WireResponse } from './transport.js';
import { bodyTooLarge, joinChunks, toConnectionError } from './transport.js';

const USER_AGENT = `creditkit (node:http; Node.js ${process.version})`;
/** creditkit's own pools (set up as Node's global agents are), so that their sockets' idle times are all known. */
const AGENT_OPTIONS = { keepAlive: true, scheduling: 'lifo', timeout: 5000 } as const;

interface Pool {
  send: (url: URL, options: RequestOptions, onResponse: (res: IncomingMessage) => void) => ClientRequest;
  agent: Agent;
}

/**
 * node:http and node:https are loaded at the first request of their protocol, not at import: an app that imports
 * a client does not pay for the TLS stack before it calls (and one that only calls https never loads both pools).
 */
const pools: { 'http:'?: Promise<Pool>; 'https:'?: Promise<Pool> } = {};
const ready: { 'http:'?: Pool; 'https:'?: Pool } = {};
const loadPool = (protocol: 'http:' | 'https:'): Promise<Pool> =>
  (pools[protocol] ??= (protocol === 'https:' ? builtin('node:https', () => import('node:https')) : builtin('node:http', () => import('node:http'))).then(
    (m) => (ready[protocol] = { send: m.request, agent: new m.Agent(AGENT_OPTIONS) }),
  ));

/**
 * A built-in module as its CommonJS object (`process.getBuiltinModule`, Node 20.16+), else by `import()`. Node 24's
 * ESM namespace of node:http lists its lazy WebSocket exports, and building it loads Node's fetch (undici): tens of
 * ms of cold start that the CommonJS object does not cost.
 */
function builtin<T>(id: string, load: () => Promise<T>): Promise<T> {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return get ? Promise.resolve(get(id) as T) : load();
}

/**
 * The `node:http`/`node:https` transport: the default of providers in Node, and the one that can send a body on GET.
 * Never follows a redirect.
 */
export const nodeHttpTransport: Transport = async (request, ctx, config) => {
  const url = new URL(request.url);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  // In name order, as a WHATWG Headers lists them (what this transport sent before requests were plain data).
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers).sort()) headers[name] = request.headers[name]!;
  if (body) headers['content-length'] = String(body.byteLength);
  // node:http sends none of its own (fetch sends `node`); some gateways refuse a request without one.
  headers['user-agent'] ??= USER_AGENT;
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  const { send, agent } = ready[protocol] ?? (await loadPool(protocol));
  const signal = ctx.signal;
  if (signal?.aborted) throw signal.reason;
  if (ctx.operation.idempotency.kind === 'unsafe') dropStaleSockets(agent);

  return new Promise<WireResponse>((resolve, reject) => {
    let stage: 'connect' | 'response' = 'connect';
    let answered = false;
    const req = send(url, { method: request.method, headers, agent, ...(signal ? { signal } : {}) }, (res) => {
      stage = 'response';
      answered = true;
      noteIdleAfter(res);
      let answerHeaders: Record<string, string>;
      try {
        answerHeaders = headersFromRaw(res.rawHeaders, ctx);
        checkStatus(res.statusCode ?? 0, answerHeaders, request.url, ctx);
      } catch (error) {
        res.destroy();
        return fail(error);
      }
      readAll(res, config.maxResponseBytes, ctx).then((bytes) => resolve(wireAnswer(bytes, res.statusCode!, res.statusMessage, answerHeaders)), fail);
    });
    // Once the request is written, a failure can no longer prove the server never saw it.
    req.on('finish', () => {
      stage = 'response';
    });
    // 101 with an Upgrade header: Node hands the socket over (or, with no listener, closes it without a word).
    req.on('upgrade', (_res, socket) => {
      answered = true;
      socket.destroy();
      fail(invalidResponse('101 Switching Protocols (creditkit speaks HTTP only)', ctx));
    });
    // Any other way the exchange ends with neither an answer nor an error must not leave the call hanging.
    req.on('close', () => {
      if (answered) return;
      fail(new ConnectionError('The connection closed without an answer', { provider: ctx.provider.id, operation: ctx.operation.id, requestSent: stage === 'response', code: 'NO_RESPONSE' }));
    });
    function fail(error: unknown) {
      if (signal?.aborted) return reject(signal.reason);
      reject(toConnectionError(error, ctx, stage));
    }
    req.on('error', fail);
    req.end(body);
  });
};

/**
 * The whole body up to `limit` bytes. A body cut off (the connection closed before its end) rejects; read by
 * events rather than async iteration, which costs an iterator and a promise per chunk.
 */
function readAll(res: IncomingMessage, limit: number, ctx: Parameters<Transport>[1]): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: unknown) => {
      if (settled) return;
      settled = true;
      if (error === undefined) resolve(joinChunks(chunks, size));
      else reject(error);
    };
    res.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        settle(bodyTooLarge(limit, ctx));
        res.destroy();
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => settle(undefined));
    res.on('error', settle);
    res.on('close', () => settle(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })));
  });
}
