// node:http(s) transport: the one that can send a JSON body on a GET (software_DNA's credits query),
// which WHATWG fetch refuses. Imported through `@creditkit/core/node`; browsers get node-transport.browser.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { Transport } from './transport.js';
import { readBounded, toConnectionError } from './transport.js';

export const nodeHttpTransport: Transport = async (request, ctx, config) => {
  const url = new URL(request.url);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = Object.fromEntries(request.headers.entries());
  if (body) headers['content-length'] = String(body.byteLength);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const signal = ctx.signal;
  if (signal?.aborted) throw signal.reason;

  return new Promise<Response>((resolve, reject) => {
    let stage: 'connect' | 'response' = 'connect';
    const req = send(url, { method: request.method, headers, ...(signal ? { signal } : {}) }, (res) => {
      stage = 'response';
      readBounded(Readable.toWeb(res) as ReadableStream<Uint8Array>, config.maxResponseBytes, ctx).then((bytes) => {
        const responseHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined) for (const one of Array.isArray(v) ? v : [v]) responseHeaders.append(k, one);
        }
        const status = res.statusCode ?? 0;
        resolve(new Response(status === 204 || status === 304 ? null : bytes, { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
      }, fail);
    });
    // Once the request is written, a failure can no longer prove the server never saw it.
    req.on('finish', () => {
      stage = 'response';
    });
    function fail(error: unknown) {
      if (signal?.aborted) return reject(signal.reason);
      reject(toConnectionError(error, ctx, stage));
    }
    req.on('error', fail);
    req.end(body);
  });
};
