// WHATWG fetch (global or injected): the transport of browsers and edge runtimes, and of the `fetch` option. The
// only place a WHATWG Request is built. Cannot carry a body on GET (see node-transport). Never follows a
// redirect: it asks for `redirect: 'manual'` and refuses an answer that a fetch followed anyway.
import { UnsupportedRuntimeError } from '../errors.js';
import { toHeaderMap } from '../header-map.js';
import { checkStatus, discardBody, followedRedirect, invalidResponse, redirectRefused, wasRedirected, wireAnswer } from './received.js';
import type { Transport } from './transport.js';
import { readBounded, toConnectionError } from './transport.js';

/**
 * The WHATWG fetch transport (the global fetch, or the `fetch` option): the default outside Node. Cannot send a body
 * on GET; never follows a redirect.
 */
export const fetchTransport: Transport = async (request, ctx, config) => {
  if (request.body !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
    throw new UnsupportedRuntimeError(
      `${ctx.provider.name} ${ctx.operation.id} sends a JSON body on GET, which only Node's http module can do; WHATWG fetch (browsers, workers) drops or refuses it. Call it from Node.`,
      { provider: ctx.provider.id, operation: ctx.operation.id },
    );
  }
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const sent = new Request(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
  let response: Response;
  try {
    response = await fetchImpl(sent, { redirect: 'manual', ...(ctx.signal ? { signal: ctx.signal } : {}) });
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    throw toConnectionError(error, ctx, 'connect');
  }
  // A fetch of another library may hand back its own Response class: anything with a status and headers will do.
  if (typeof response?.status !== 'number' || typeof response.headers?.get !== 'function') {
    throw invalidResponse('the fetch in use resolved to something that is not a Response', ctx);
  }
  // A browser hides a manual redirect's status and target.
  if (response.type === 'opaqueredirect') throw redirectRefused(0, null, sent.url, ctx);
  if (wasRedirected(response, sent.url)) {
    await discardBody(response);
    throw followedRedirect(response.url, ctx);
  }
  try {
    checkStatus(response.status, response.headers, sent.url, ctx);
  } catch (error) {
    await discardBody(response);
    throw error;
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBounded(response.body, config.maxResponseBytes, ctx);
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    throw toConnectionError(error, ctx, 'response');
  }
  return wireAnswer(bytes, response.status, response.statusText, toHeaderMap(response.headers.entries()));
};
