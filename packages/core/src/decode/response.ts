// The decode rules (pipeline/decode.ts applies them): the read response becomes typed data or a typed error.
// Bodies are decoded by the media type the server declared (falling back to the operation's), through the codecs
// of core, the provider and the plugins.
import type { CallContext } from '../context.js';
import { ApiError, DecodeError, ProviderError } from '../errors.js';
import { headerOf } from '../header-map.js';
import type { WireResponse } from '../transport/transport.js';
import { readPointer } from '../pointer.js';
import { retryHintMs } from '../timing.js';
import { checkResponse } from './check-response.js';
import { type Codec, essence } from './codec.js';

/** A provider's own reading of error bodies: where the human message is, and which 2xx bodies mean failure. */
export interface ProviderHooks {
  /** The human message inside an error body (Fusebill `Errors[].Value`, software_DNA `Message`). */
  errorMessage?: (body: unknown) => string | undefined;
  /** A 2xx body that means failure, beyond the spec's `x-creditkit-body-error` rule. */
  detectError?: (data: unknown) => BodyFailure | undefined;
}

/** A failure a 2xx body reports; thrown as a ProviderError. `refused`: it is about the credentials. */
export interface BodyFailure {
  code: string;
  message: string;
  refused?: ProviderError['refused'];
}

/** `preferred`: the media type the client asked for (its `mediaType` option), trusted first when the answer's is vague. */
export function decodeResponse(response: WireResponse, text: string, ctx: CallContext, hooks: ProviderHooks, preferred?: string): unknown {
  const context = { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets };
  const op = ctx.operation;
  if (!isOk(response)) {
    const body = decodeLoosely(text, headerOf(response.headers, 'content-type'), ctx);
    // Retry-After counts on any status; a provider's rate-limit headers (sent on every response by Fusebill)
    // only say when to come back on a 429.
    const retryAfterMs = retryHintMs(response.headers, response.status === 429 ? ctx.provider.retryHints : []);
    throw ApiError.from({
      ...context,
      status: response.status,
      headers: response.headers,
      body,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      message: hooks.errorMessage?.(body) ?? defaultMessage(body, response),
    });
  }
  const declared = preferred && op.responseMediaTypes.some((m) => essence(m) === essence(preferred)) ? [preferred, ...op.responseMediaTypes] : op.responseMediaTypes;
  const codec = pickCodec(headerOf(response.headers, 'content-type'), declared, ctx.codecs);
  if (!codec) {
    throw new DecodeError(`Unexpected content type '${headerOf(response.headers, 'content-type')}' (expected ${op.responseMediaTypes.join(' or ')})`, { ...context, raw: text, status: response.status });
  }
  // An answer the spec describes, but empty (a proxy, a crash mid-write): unreadable, not a result of `undefined`.
  if (op.responseShape && text.trim() === '' && response.status !== 204) {
    throw new DecodeError(`Empty ${codec.mediaType} body where the operation answers with one`, { ...context, raw: text, status: response.status });
  }
  let data: unknown;
  try {
    data = text === '' && !op.responseShape ? undefined : codec.decode(text, op.responseShape);
  } catch (error) {
    // A codec's own DecodeError keeps its message; the call adds who failed, the status and the scrubbed raw text.
    if (error instanceof DecodeError) throw new DecodeError(error.message, { ...context, raw: text, status: response.status, cause: error.cause });
    throw new DecodeError(`Could not decode the ${codec.mediaType} response: ${error instanceof Error ? error.message : String(error)}`, { ...context, raw: text, status: response.status, cause: error });
  }
  const failure = bodyError(data, ctx) ?? hooks.detectError?.(data);
  if (failure) throw new ProviderError({ ...context, ...failure, body: data, status: response.status });
  checkResponse(data, text, response.status, ctx);
  return data;
}

/** A 2xx, as `Response.ok` says: a transport hands on only final answers (200–599), so below 300 is enough. */
// Stryker disable next-line EqualityOperator: `<= 300` differs only on a 300, which no transport hands on (a redirect is refused)
export const isOk = (response: WireResponse): boolean => response.status < 300;

function pickCodec(contentType: string | null, declared: readonly string[], codecs: Readonly<Record<string, Codec>>): Codec | undefined {
  const actual = essence(contentType);
  if (actual && codecs[actual]) return codecs[actual];
  // No or vague content type: trust the spec's declaration.
  if (!actual || actual === 'text/plain' || actual === 'application/octet-stream') {
    for (const m of declared) if (codecs[essence(m)]) return codecs[essence(m)];
  }
  return undefined;
}

/** Error bodies: decode if we can, keep the text if we cannot. */
function decodeLoosely(text: string, contentType: string | null, ctx: CallContext): unknown {
  const codec = ctx.codecs[essence(contentType)] ?? (/^\s*[[{]/.test(text) ? ctx.codecs['application/json'] : undefined);
  if (!codec || text.trim() === '') return text;
  try {
    return codec.decode(text, undefined);
  } catch {
    return text;
  }
}

function bodyError(data: unknown, ctx: CallContext): BodyFailure | undefined {
  const rule = ctx.operation.bodyError;
  if (!rule) return undefined;
  const failed = rule.successPointer !== undefined
    ? readPointer(data, rule.successPointer) === false
    : rule.presencePointer !== undefined && isPresent(readPointer(data, rule.presencePointer));
  if (!failed) return undefined;
  const code = rule.codePointer ? readPointer(data, rule.codePointer) : undefined;
  const message = rule.messagePointer ? readPointer(data, rule.messagePointer) : undefined;
  return { code: String(code ?? 'ProviderError'), message: String(message ?? 'The provider reported a failure') };
}

const isPresent = (v: unknown) => v !== undefined && v !== null && v !== '' && !(typeof v === 'object' && Object.keys(v as object).length === 0);

function defaultMessage(body: unknown, response: WireResponse): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const m = b.message ?? b.Message ?? b.error_description ?? b.error;
    if (typeof m === 'string') return m;
  }
  if (typeof body === 'string' && body.trim() && body.length < 300) return body.trim();
  return response.statusText || 'HTTP error';
}
