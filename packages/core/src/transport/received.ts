// What a transport may hand on from the wire. Every answer is checked here first: a status outside 200–599, or a
// header line HTTP does not allow, is a typed "sent, outcome unknown" failure, never a raw RangeError/TypeError
// (and never a crash in a callback). No redirect is ever followed: a 3xx ends the call, naming only where it
// pointed to (its origin).
import type { AttemptContext } from '../context.js';
import { ApiError, ConnectionError, UnsupportedRuntimeError } from '../errors.js';
import { appendHeader, HEADER_SAFE_VALUE, type HeaderSource, headerOf, trimHeaderValue } from '../header-map.js';
import type { WireResponse } from './transport.js';

/** The code of every answer that reached us but cannot be read as an HTTP response. */
export const INVALID_RESPONSE = 'INVALID_RESPONSE';

/** The request reached the server and its answer is unusable: the server may have acted on it. */
export function invalidResponse(detail: string, ctx: AttemptContext, cause?: unknown): ConnectionError {
  return new ConnectionError(`Unusable answer from the server: ${detail}`, {
    provider: ctx.provider.id,
    operation: ctx.operation.id,
    secrets: ctx.secrets,
    requestSent: true,
    code: INVALID_RESPONSE,
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Throws unless the status line can be handed on: a status a Response can hold (200–599: a final 1xx, 600 or
 * 999 cannot), and no redirect (an ApiError naming the `Location`'s origin, never its path or query).
 */
export function checkStatus(status: number, headers: HeaderSource, requestUrl: string, ctx: AttemptContext): void {
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw invalidResponse(`status ${status} is not a final HTTP status (200–599)`, ctx);
  }
  if (status >= 300 && status < 400) throw redirectRefused(status, headerOf(headers, 'location'), requestUrl, ctx);
}

export function redirectRefused(status: number, location: string | null, requestUrl: string, ctx: AttemptContext): ApiError {
  const target = location === null ? undefined : originOf(location, requestUrl);
  const where = location === null ? 'without a Location' : target ? `to ${target}` : 'to an unreadable Location';
  const headers: Record<string, string> = target ? { location: target } : {};
  return ApiError.from({
    provider: ctx.provider.id,
    operation: ctx.operation.id,
    secrets: ctx.secrets,
    status,
    headers,
    message: `redirect ${where} refused: creditkit never follows redirects (they would carry credentials to another host)`,
  });
}

/** A fetch that followed a redirect although asked not to: its answer is refused, naming only the origin it came from. */
export function followedRedirect(finalUrl: string, ctx: AttemptContext): UnsupportedRuntimeError {
  const origin = originOf(finalUrl, 'http://invalid') ?? 'another URL';
  return new UnsupportedRuntimeError(
    `The fetch in use followed a redirect to ${origin} although creditkit asks for redirect: 'manual'; its answer is refused. Pass a fetch that honours the request's redirect mode.`,
    { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets },
  );
}

/** Lets go of an answer's body unread; a fetch of another library may hand back a body without `cancel`. */
export async function discardBody(response: Response): Promise<void> {
  const body = response.body as { cancel?: () => Promise<void> } | null | undefined;
  if (typeof body?.cancel === 'function') await body.cancel().catch(() => {});
}

/** `response.redirected`, or an answer from another URL than the one asked. */
export const wasRedirected = (response: Response, requestUrl: string) => response.redirected === true || (!!response.url && response.url !== requestUrl);

function originOf(location: string, base: string): string | undefined {
  try {
    const origin = new URL(location, base).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * RFC 9112 §4: a client should ignore the reason phrase. One a Response would refuse (a control character) is
 * dropped rather than failing an answer whose status and body are fine.
 */
export function readableReason(reason: string | undefined): string {
  return reason !== undefined && HEADER_SAFE_VALUE.test(reason) ? reason : '';
}

/** A header name HTTP allows (a token), and a value without NUL, CR or LF: what WHATWG Headers accepts. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[\0\r\n]/;

/** Headers from a raw `[name, value, name, value…]` list; a line HTTP does not allow makes the answer unusable. */
export function headersFromRaw(raw: readonly string[], ctx: AttemptContext): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = trimHeaderValue(raw[i + 1]!);
    // The line itself is never quoted: it may hold anything.
    if (!TOKEN.test(name) || BAD_VALUE.test(value)) throw invalidResponse('a header line that HTTP does not allow', ctx);
    appendHeader(headers, name, value);
  }
  return headers;
}

/** The read answer as plain data; its status and headers were checked, the reason phrase is made safe. */
export function wireAnswer(body: Uint8Array, status: number, reason: string | undefined, headers: Record<string, string>): WireResponse {
  return { status, statusText: readableReason(reason), headers, body };
}
