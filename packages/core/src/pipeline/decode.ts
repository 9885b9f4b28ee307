// Stage `decode` — contract: per attempt, the read answer becomes typed data or a typed error. A non-2xx is an
// ApiError by status (with the server's retry hint); a 2xx is read as strict UTF-8, decoded by its declared media
// type (JSON, schema-driven XML), checked for a body-level failure (the spec's rule, the provider's detector: a
// ProviderError) and against the response schema (a DecodeError). The rules are decode/response.ts.
import type { AttemptContext } from '../context.js';
import { isOk, type ProviderHooks, decodeResponse } from '../decode/response.js';
import { utf8Strict } from '../encoding.js';
import { DecodeError } from '../errors.js';
import type { WireResponse } from '../transport/transport.js';

const lenientUtf8 = new TextDecoder();

export function decode(response: WireResponse, ctx: AttemptContext, hooks: ProviderHooks, preferred?: string): unknown {
  return decodeResponse(response, bodyText(response, ctx), ctx, hooks, preferred);
}

/** The body as text; a 2xx body that is not UTF-8 is unreadable (an error body is kept as best it can be). */
function bodyText(response: WireResponse, ctx: AttemptContext): string {
  try {
    return utf8Strict(response.body);
  } catch {
    const lenient = lenientUtf8.decode(response.body);
    if (!isOk(response)) return lenient;
    throw new DecodeError('The response body is not valid UTF-8', { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, raw: lenient, status: response.status });
  }
}
