import { bufferedAnswer, checkStatus, discardBody, followedRedirect, invalidResponse, redirectRefused, wasRedirected } from './received.js';
import type { Transport } from './transport.js';
import { readBounded, toConnectionError } from './transport.js';

/**
 * WHATWG fetch (global or injected). Cannot carry a body on GET: see node-transport. Never follows a redirect:
 * it asks for `redirect: 'manual'` and refuses an answer that a fetch followed anyway.
 */
export const fetchTransport: Transport = async (request, ctx, config) => {
  const fetchImpl = config.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImpl(request, { redirect: 'manual', ...(ctx.signal ? { signal: ctx.signal } : {}) });
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    throw toConnectionError(error, ctx, 'connect');
  }
  // A fetch of another library may hand back its own Response class: anything with a status and headers will do.
  if (typeof response?.status !== 'number' || typeof response.headers?.get !== 'function') {
    throw invalidResponse('the fetch in use resolved to something that is not a Response', ctx);
  }
  // A browser hides a manual redirect's status and target.
  if (response.type === 'opaqueredirect') throw redirectRefused(0, null, request.url, ctx);
  if (wasRedirected(response, request.url)) {
    await discardBody(response);
    throw followedRedirect(response.url, ctx);
  }
  try {
    checkStatus(response.status, response.headers, request.url, ctx);
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
  return bufferedAnswer(bytes, response.status, response.statusText, response.headers, ctx);
};
