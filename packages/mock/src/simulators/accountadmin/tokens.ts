// 2sms `/Token` (an OWIN OAuth server): client credentials in a form body (or Basic), bearer tokens that
// expire after `expires_in` seconds by the simulator's clock.
import { randomBytes } from 'node:crypto';
import { json, type SimRequest, type SimResponse } from '../../types.js';

export interface TokenStore {
  /** Answers a `POST /Token`. */
  grant(req: SimRequest, lifetimeSeconds: number): SimResponse;
  /** True for a token issued here that has not expired or been revoked. */
  accepts(authorization: string | undefined): boolean;
  revokeAll(): void;
  /** Tokens granted so far (a revocation does not undo the count). */
  issued: number;
}

export function createTokenStore(credentials: { clientId: string; clientSecret: string }, now: () => number): TokenStore {
  const expiries = new Map<string, number>();
  const refuse = (error: string) => json(400, { error }, { 'cache-control': 'no-cache' });
  const store: TokenStore = {
    issued: 0,
    grant(req, lifetimeSeconds) {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return refuse('invalid_request');
      const form = new URLSearchParams(req.text);
      if (form.get('grant_type') !== 'client_credentials') return refuse('unsupported_grant_type');
      const [id, secret] = basicCredentials(req.headers.authorization) ?? [form.get('client_id'), form.get('client_secret')];
      if (id !== credentials.clientId || secret !== credentials.clientSecret) return refuse('invalid_client');
      const token = randomBytes(24).toString('base64url');
      expiries.set(token, now() + lifetimeSeconds * 1000);
      store.issued++;
      return json(200, { access_token: token, token_type: 'bearer', expires_in: lifetimeSeconds }, { 'cache-control': 'no-store', pragma: 'no-cache' });
    },
    accepts(authorization) {
      const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
      const expiresAt = token === undefined ? undefined : expiries.get(token);
      return expiresAt !== undefined && now() < expiresAt;
    },
    revokeAll: () => expiries.clear(),
  };
  return store;
}

function basicCredentials(header: string | undefined): [string, string] | undefined {
  const encoded = /^Basic (.+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
}
