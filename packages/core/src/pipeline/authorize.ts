// Stage `authorize` — contract: per send, adds the credentials to the serialized request (headers, Basic, a Bearer
// token shared by concurrent calls, a query signature with a fresh time). It may wait (a token request, under the
// attempt's signal) but never sends the operation. After an answer, an authorizer may ask for one re-authorized
// resend within the same attempt (a token revoked early: 401; a clock the server refuses: InvalidTime); core
// allows one such resend per attempt. Providers bring their own through `ProviderDefinition.authorize`; the
// default reads the spec's security schemes (plugins/auth/from-spec.ts).
import type { AttemptContext } from '../context.js';
import type { WireRequest, WireResponse } from '../transport/transport.js';

/**
 * One security scheme of the authorize stage: adds credentials to each serialized request, and may ask for one
 * re-authorized resend per attempt.
 */
export interface Authorizer {
  /** Shown by describe() under the authorize stage (`auth:key`, `auth:signedQuery`). */
  readonly name: string;
  /** The request with this scheme's credentials added; the serialized request itself is never changed. */
  authorize(request: WireRequest, ctx: AttemptContext): WireRequest | Promise<WireRequest>;
  /** True to authorize the serialized request afresh and send it once more, after `response` answered `sent`. */
  reauthorize?(sent: WireRequest, response: WireResponse, ctx: AttemptContext): boolean | Promise<boolean>;
}

export async function authorize(authorizers: readonly Authorizer[], request: WireRequest, ctx: AttemptContext): Promise<WireRequest> {
  let out = request;
  for (const a of authorizers) out = await a.authorize(out, ctx);
  return out;
}

/** Whether any authorizer asks for a re-authorized resend of `sent`. Each is asked, so each can refresh its state. */
export async function wantsReauthorize(authorizers: readonly Authorizer[], sent: WireRequest, response: WireResponse, ctx: AttemptContext): Promise<boolean> {
  let again = false;
  for (const a of authorizers) if (a.reauthorize && (await a.reauthorize(sent, response, ctx))) again = true;
  return again;
}

/** `request` with one header set (names are lower-case on the wire data). */
export const withHeader = (request: WireRequest, name: string, value: string): WireRequest => ({ ...request, headers: { ...request.headers, [name.toLowerCase()]: value } });
