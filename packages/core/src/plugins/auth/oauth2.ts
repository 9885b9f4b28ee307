// OAuth2 client credentials, as an authorizer: one token fetch shared by concurrent calls, cached until shortly
// before it expires, and refreshed once when the API answers 401 to a token we believed valid.
import type { AttemptContext } from '../../context.js';
import { ApiError, AuthenticationError, ConfigurationError, ConnectionError, CreditkitError } from '../../errors.js';
import { headerOf } from '../../header-map.js';
import { type Authorizer, withHeader } from '../../pipeline/authorize.js';
import type { SharedState } from '../../store/shared.js';
import { retryHintMs, untilAborted } from '../../timing.js';
import type { WireRequest, WireResponse } from '../../transport/transport.js';

export interface OAuth2Config {
  scheme: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /**
   * Sends the token request under a deadline of its own, never the calling attempt's signal (the client's
   * `ProviderSetup.sendShared`: its transport, its `timeoutMs`).
   */
  send: (request: WireRequest, ctx: AttemptContext) => Promise<WireResponse>;
  /** Refresh this long before `expires_in` runs out. Default 60 s. */
  skewMs?: number;
  /** With a store given to the client: one token for every worker of the account, one refresh after a 401. */
  shared?: SharedState | undefined;
}

interface SharedToken {
  token: string;
  expiresAt: number;
}

const utf8 = new TextDecoder();

export function oauth2ClientCredentials(config: OAuth2Config): Authorizer & { invalidate(): void } {
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  const skew = config.skewMs ?? 60_000;
  const tokenKey = `token:${config.scheme}`;

  async function fetchToken(ctx: AttemptContext): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret });
    const request: WireRequest = {
      method: 'POST',
      url: config.tokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    };
    let response: WireResponse;
    try {
      // Never the first caller's signal: the token is shared by every call waiting on it (sendShared runs under the
      // client's own timeout). The answer is read whole inside: a token answer cut off mid-body fails here too.
      response = await config.send(request, ctx);
    } catch (error) {
      // A refused redirect, or a fetch that followed one: said as is, never retried into the same answer.
      if (error instanceof ApiError || error instanceof ConfigurationError) throw error;
      throw new ConnectionError('Token request failed', { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, requestSent: false, cause: error });
    }
    const text = utf8.decode(response.body);
    const ok = response.status >= 200 && response.status < 300;
    let parsed: { access_token?: string; expires_in?: number | string; error?: string; error_description?: string } = {};
    try {
      const json: unknown = JSON.parse(text);
      if (json && typeof json === 'object' && !Array.isArray(json)) parsed = json;
    } catch {}
    if (!ok || !parsed.access_token) {
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
      if (ok && parsed.error === undefined) {
        throw new ConnectionError(`Token request failed: an unreadable ${response.status} answer`, { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, requestSent: false });
      }
      throw new AuthenticationError(init);
    }
    if (typeof parsed.access_token !== 'string') {
      throw new ConnectionError(`Token request failed: a ${response.status} answer whose access_token is not a string`, { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, requestSent: false });
    }
    ctx.secrets.add(parsed.access_token);
    // A token that cannot be a header value would make the transport throw a TypeError, on every call.
    if (!isHeaderSafe(`Bearer ${parsed.access_token}`)) {
      throw new AuthenticationError({
        provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, status: response.status,
        message: 'token request answered with an access_token that cannot be sent in an Authorization header (control characters or characters beyond U+00FF)',
      });
    }
    const seconds = Number(parsed.expires_in ?? 3600);
    const lifetimeMs = (Number.isFinite(seconds) && seconds >= 0 ? seconds : 3600) * 1000;
    cached = { token: parsed.access_token, expiresAt: Date.now() + Math.max(0, lifetimeMs - Math.min(skew, lifetimeMs / 2)) };
    ctx.log('info', 'auth.token-fetched', { scheme: config.scheme, expiresInMs: lifetimeMs });
    return parsed.access_token;
  }

  function token(ctx: AttemptContext): Promise<string> {
    if (cached && Date.now() < cached.expiresAt) return Promise.resolve(cached.token);
    inflight ??= (config.shared?.sharing ? sharedToken(config.shared, ctx).catch((error: unknown) => storeDown(error, ctx)) : fetchToken(ctx)).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  /** A store that fails costs only the sharing: this worker fetches its own token. Typed errors stay as they are. */
  function storeDown(error: unknown, ctx: AttemptContext): Promise<string> {
    if (error instanceof CreditkitError) throw error;
    ctx.log('warn', 'store.failed', { step: 'token', error: error instanceof Error ? error.message : String(error) });
    return fetchToken(ctx);
  }

  /** The account's token from the store, fetched by one worker for all when there is none (or it expired). */
  async function sharedToken(shared: SharedState, ctx: AttemptContext): Promise<string> {
    const value = await shared.once<SharedToken & { [k: string]: string | number }>(
      tokenKey,
      async () => {
        const fresh = await fetchToken(ctx);
        const expiresAt = cached?.expiresAt ?? Date.now();
        return { value: { token: fresh, expiresAt }, ttlMs: expiresAt - Date.now() };
      },
      (v) => typeof v?.token === 'string' && typeof v.expiresAt === 'number' && v.expiresAt > Date.now(),
    );
    // Fetched by another worker: this process must know it as a secret, and check it as if it had fetched it.
    ctx.secrets.add(value.token);
    if (!isHeaderSafe(`Bearer ${value.token}`)) {
      throw new AuthenticationError({ provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, status: 200, message: 'the shared store holds an access_token that cannot be sent in an Authorization header' });
    }
    cached = { token: value.token, expiresAt: value.expiresAt };
    return value.token;
  }

  return {
    name: `auth:${config.scheme}`,
    invalidate: () => {
      cached = undefined;
    },
    authorize: async (request, ctx) => withHeader(request, 'authorization', `Bearer ${await untilAborted(token(ctx), ctx.signal)}`),
    reauthorize: async (sent, response) => {
      if (response.status !== 401) return false;
      // The token may have been revoked or expired early: refresh once, unless another call (or worker) already did.
      const sentHeader = headerOf(sent.headers, 'authorization');
      if (cached && sentHeader === `Bearer ${cached.token}`) cached = undefined;
      if (config.shared?.sharing) await config.shared.invalidate(tokenKey, (v) => `Bearer ${(v as { token?: unknown } | null)?.token}` === sentHeader);
      return true;
    },
  };
}

/** What node:http and Headers both accept, kept whole (no whitespace at either end to strip). */
const isHeaderSafe = (value: string) => /^[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/.test(value);
