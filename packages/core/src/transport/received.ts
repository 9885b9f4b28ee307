// What a transport may hand on from the wire. A WHATWG Response throws on a status outside 200–599 and on a
// reason phrase with control characters, so every answer is checked here first: one that cannot be represented
// is a typed "sent, outcome unknown" failure, never a raw RangeError/TypeError (and never a crash in a callback).
// No redirect is ever followed: a 3xx ends the call, naming only where it pointed to (its origin).
import type { AttemptContext } from '../context.js';
import { ApiError, ConnectionError, UnsupportedRuntimeError } from '../errors.js';
import { BufferedResponse } from './buffered-response.js';

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
export function checkStatus(status: number, headers: Headers, requestUrl: string, ctx: AttemptContext): void {
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw invalidResponse(`status ${status} is not a final HTTP status (200–599)`, ctx);
  }
  if (status >= 300 && status < 400) throw redirectRefused(status, headers.get('location'), requestUrl, ctx);
}

export function redirectRefused(status: number, location: string | null, requestUrl: string, ctx: AttemptContext): ApiError {
  const target = location === null ? undefined : originOf(location, requestUrl);
  const where = location === null ? 'without a Location' : target ? `to ${target}` : 'to an unreadable Location';
  const headers = new Headers();
  if (target) headers.set('location', target);
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
  return reason !== undefined && /^[\t\x20-\x7e\x80-\xff]*$/.test(reason) ? reason : '';
}

/** Headers from a raw `[name, value, name, value…]` list; a line Headers refuses makes the answer unusable. */
export function headersFromRaw(raw: readonly string[], ctx: AttemptContext): Headers {
  const headers = new Headers();
  try {
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  } catch {
    // The TypeError quotes the line: not kept, it may hold anything.
    throw invalidResponse('a header line that HTTP does not allow', ctx);
  }
  return headers;
}

/** The read answer as a Response; its status and headers were checked, the reason phrase is made safe. */
export function bufferedAnswer(bytes: Uint8Array<ArrayBuffer>, status: number, reason: string | undefined, headers: Headers, ctx: AttemptContext): Response {
  try {
    return new BufferedResponse(bytes, { status, statusText: readableReason(reason), headers });
  } catch (error) {
    throw invalidResponse(`status ${status} cannot be represented`, ctx, error);
  }
}
