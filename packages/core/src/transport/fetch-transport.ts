import { BufferedResponse } from './buffered-response.js';
import type { Transport } from './transport.js';
import { readBounded, toConnectionError } from './transport.js';

/** WHATWG fetch (global or injected). Cannot carry a body on GET: see node-transport. */
export const fetchTransport: Transport = async (request, ctx, config) => {
  const fetchImpl = config.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImpl(request, ctx.signal ? { signal: ctx.signal } : undefined);
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    throw toConnectionError(error, ctx, 'connect');
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBounded(response.body, config.maxResponseBytes, ctx);
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    throw toConnectionError(error, ctx, 'response');
  }
  return new BufferedResponse(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
};
