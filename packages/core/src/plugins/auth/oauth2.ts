// OAuth2 client credentials: one token fetch shared by concurrent calls, cached until shortly before it
// expires, and refreshed once when the API answers 401 to a token we believed valid.
import { ApiError, AuthenticationError, ConfigurationError, ConnectionError } from '../../errors.js';
import { retryHintMs, timeoutSignal, untilAborted } from '../../timing.js';
import { discardBody, followedRedirect, redirectRefused, wasRedirected } from '../../transport/received.js';
import type { AttemptContext } from '../../context.js';
import type { AttemptPlugin } from '../../plugin.js';

export interface OAuth2Config {
  scheme: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /**
   * Sends the token request under a deadline of its own, never the calling attempt's signal (a client's
   * `ProviderSetup.sendShared`); default: `fetch` under `timeoutMs`.
   */
  send?: (request: Request, ctx: AttemptContext) => Promise<Response>;
  /** The fetch to use when no `send` is given. Default: the global fetch. */
  fetch?: typeof fetch;
  /** The time limit of the fetch fallback's token request, in ms; default 60 s. */
  timeoutMs?: number;
  /** Refresh this long before `expires_in` runs out. Default 60 s. */
  skewMs?: number;
}

export function oauth2ClientCredentialsPlugin(config: OAuth2Config): AttemptPlugin & { invalidate(): void } {
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  const skew = config.skewMs ?? 60_000;

  async function fetchToken(ctx: AttemptContext): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret });
    const request = new Request(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    });
    let response: Response;
    let text: string;
    try {
      // Never the first caller's signal: the token is shared by every call waiting on it. `send` (the client's
      // sendShared) runs under the client's timeout; the fetch fallback under the plugin's own.
      response = await (config.send ? config.send(request, ctx) : viaFetch(request, timeoutSignal(config.timeoutMs ?? 60_000), ctx));
      // Inside the try: a token answer cut off mid-body is a connection failure too, not a bare TypeError.
      text = await response.text();
    } catch (error) {
      // A refused redirect, or a fetch that followed one: said as is, never retried into the same answer.
      if (error instanceof ApiError || error instanceof ConfigurationError) throw error;
      throw new ConnectionError('Token request failed', { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, requestSent: false, cause: error });
    }
    let parsed: { access_token?: string; expires_in?: number | string; error?: string; error_description?: string } = {};
    try {
      const json: unknown = JSON.parse(text);
      if (json && typeof json === 'object' && !Array.isArray(json)) parsed = json;
    } catch {}
    if (!response.ok || !parsed.access_token) {
      const init = {
        provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, status: response.status, headers: response.headers, body: parsed,
        message: `token request refused: ${parsed.error_description ?? parsed.error ?? response.statusText}`,
      };
      // A busy token endpoint (429, 5xx) is not a refusal of the credentials: the retry rules apply to it.
      if (response.status === 429 || response.status >= 500) {
        const retryAfterMs = retryHintMs(response.headers);
        throw ApiError.from({ ...init, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
      }
      // Nor is a 2xx that is no token answer at all (garbled, an HTML page): the operation was not sent, retry it.
      if (response.ok && parsed.error === undefined) {
        throw new ConnectionError(`Token request failed: an unreadable ${response.status} answer`, { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, requestSent: false });
      }
      throw new AuthenticationError(init);
    }
    if (typeof parsed.access_token !== 'string') {
      throw new ConnectionError(`Token request failed: a ${response.status} answer whose access_token is not a string`, { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, requestSent: false });
    }
    ctx.secrets.add(parsed.access_token);
    // A token that cannot be a header value would make Headers throw a TypeError quoting it, on every call.
    if (!isHeaderSafe(`Bearer ${parsed.access_token}`)) {
      throw new AuthenticationError({
        provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, status: response.status,
        message: 'token request answered with an access_token that cannot be sent in an Authorization header (control characters or characters beyond U+00FF)',
      });
    }
    const seconds = Number(parsed.expires_in ?? 3600);
    const lifetimeMs = (Number.isFinite(seconds) && seconds >= 0 ? seconds : 3600) * 1000;
    cached = { token: parsed.access_token, expiresAt: Date.now() + Math.max(0, lifetimeMs - Math.min(skew, lifetimeMs / 2)) };
    return parsed.access_token;
  }

  /** The token request through a plain fetch: no redirect followed (it would re-post client_secret elsewhere). */
  async function viaFetch(request: Request, signal: AbortSignal | undefined, ctx: AttemptContext): Promise<Response> {
    // Raced too: a fetch that ignores its signal still ends at the deadline.
    const response = await untilAborted((config.fetch ?? globalThis.fetch)(request, { redirect: 'manual', ...(signal ? { signal } : {}) }), signal);
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await discardBody(response);
      throw redirectRefused(response.status, response.headers.get('location'), request.url, ctx);
    }
    if (wasRedirected(response, request.url)) {
      await discardBody(response);
      throw followedRedirect(response.url, ctx);
    }
    return response;
  }

  function token(ctx: AttemptContext): Promise<string> {
    if (cached && Date.now() < cached.expiresAt) return Promise.resolve(cached.token);
    inflight ??= fetchToken(ctx).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  return {
    name: `auth:${config.scheme}`,
    phase: 'attempt',
    after: ['timeout'],
    tags: ['auth'],
    invalidate: () => {
      cached = undefined;
    },
    middleware: async (request, next, ctx) => {
      const spare = request.clone();
      const first = await untilAborted(token(ctx), ctx.signal);
      request.headers.set('authorization', `Bearer ${first}`);
      const response = await next(request);
      if (response.status !== 401) return response;
      // The token may have been revoked or expired early: refresh once, unless another call already did.
      if (cached?.token === first) cached = undefined;
      const second = await untilAborted(token(ctx), ctx.signal);
      spare.headers.set('authorization', `Bearer ${second}`);
      return next(spare);
    },
  };
}

/** What node:http and Headers both accept, kept whole (no whitespace at either end to strip). */
const isHeaderSafe = (value: string) => /^[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/.test(value);
