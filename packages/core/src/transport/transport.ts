// The contract of the send stage: one WireRequest out, one WireResponse back with its body already read whole
// (so the attempt's timeout and the size bound cover the whole exchange). Plain data both ways: a transport
// builds whatever objects its own API needs (fetch a Request) inside itself, and nothing else does.
import type { AttemptContext } from '../context.js';
import { ConnectionError, CreditkitError } from '../errors.js';
import type { HeaderMap } from '../header-map.js';

/** What the serialize and authorize stages hand to the send stage. Header names are lower-case. */
export interface WireRequest {
  readonly method: string;
  /** Absolute and normalised (as `new URL(...).href` writes it). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Encoded by the operation's codec; a GET may carry one (software_DNA), which only node:http can send. */
  readonly body?: string;
}

/** A final answer (200–599, never a redirect), read whole. */
export interface WireResponse {
  readonly status: number;
  /** The reason phrase, or '' when it had characters HTTP does not allow. */
  readonly statusText: string;
  readonly headers: HeaderMap;
  readonly body: Uint8Array;
}

/**
 * Sends one request. `config` is core's (the size bound, the fetch option); a transport given as the
 * client's `transport` option (a dry run, a canned answer) may ignore it.
 */
export type Transport = (request: WireRequest, ctx: AttemptContext, config: TransportConfig) => Promise<WireResponse>;

/** What core gives every transport call. */
export interface TransportConfig {
  /** The client's `fetch` option, when given. */
  fetch?: typeof fetch;
  maxResponseBytes: number;
}

/** Socket-level codes that mean the request never left this machine: safe to send again. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL']);

export function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a network failure to a ConnectionError that says whether the server may have seen the request. */
export function toConnectionError(error: unknown, ctx: AttemptContext, stage: 'connect' | 'response'): CreditkitError {
  if (error instanceof CreditkitError) return error;
  const code = errorCode(error);
  // fetch refuses some ports outright ("bad port") without a code: nothing was sent.
  const refusedByFetch = error instanceof Error && error.cause instanceof Error && error.cause.message === 'bad port';
  const requestSent = stage === 'response' || (!refusedByFetch && (!code || !NOT_SENT.has(code)));
  const message = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
  return new ConnectionError(`Connection failed${requestSent ? '' : ' before the request was sent'}: ${message}`, {
    provider: ctx.provider.id,
    operation: ctx.operation.id,
    secrets: ctx.secrets,
    requestSent,
    cause: error,
    ...(code ? { code } : {}),
  });
}

/** Reads a body stream up to `limit` bytes; a larger body is an error, not a hang or a crash. */
export async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number, ctx: AttemptContext): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(new ArrayBuffer(0));
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(limit, ctx);
    }
    chunks.push(value);
  }
  return joinChunks(chunks, size);
}

/** One plain Uint8Array of its own (never a view into Node's shared Buffer pool). */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** A body past `maxResponseBytes`: the request was processed, its answer is not read. */
export function bodyTooLarge(limit: number, ctx: AttemptContext): ConnectionError {
  return new ConnectionError(`Response body exceeds the ${limit}-byte limit (maxResponseBytes)`, {
    provider: ctx.provider.id,
    operation: ctx.operation.id,
    requestSent: true,
    code: 'RESPONSE_TOO_LARGE',
  });
}
