// node:http(s) transport, the default in Node (as the AWS SDK's NodeHttpHandler is): it costs less per request
// than Node 20's WHATWG fetch, and it is the one that can send a JSON body on a GET (software_DNA's credits
// query), which fetch refuses. Imported through `@creditkit/core/node`; browsers get node-transport.browser.
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { bodySource } from '../request.js';
import { BufferedResponse } from './buffered-response.js';
import type { Transport } from './transport.js';
import { bodyTooLarge, joinChunks, toConnectionError } from './transport.js';

const USER_AGENT = `creditkit (node:http; Node.js ${process.version})`;

export const nodeHttpTransport: Transport = async (request, ctx, config) => {
  const url = new URL(request.url);
  const source = bodySource(request);
  const body = source !== undefined ? Buffer.from(source) : request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body) headers['content-length'] = String(body.byteLength);
  // node:http sends none of its own (fetch sends `node`); some gateways refuse a request without one.
  headers['user-agent'] ??= USER_AGENT;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const signal = ctx.signal;
  if (signal?.aborted) throw signal.reason;

  return new Promise<Response>((resolve, reject) => {
    let stage: 'connect' | 'response' = 'connect';
    const req = send(url, { method: request.method, headers, ...(signal ? { signal } : {}) }, (res) => {
      stage = 'response';
      readAll(res, config.maxResponseBytes, ctx).then((bytes) => {
        resolve(new BufferedResponse(bytes, { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: headersOf(res) }));
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

/** The whole body up to `limit` bytes; a cut-off body rejects (async iteration sees the premature close). */
async function readAll(res: IncomingMessage, limit: number, ctx: Parameters<Transport>[1]): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) {
      res.destroy();
      throw bodyTooLarge(limit, ctx);
    }
    chunks.push(chunk);
  }
  return joinChunks(chunks, size);
}

/** Every header line as sent, repeated ones included (rawHeaders keeps them apart). */
function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}
