// Secrets never leave the client in clear: not in log lines, error messages, `toString`, JSON or inspect.
// Two nets: by name (headers, query and body fields that carry credentials) and by value (every credential
// a client holds is registered here, so an echo of it anywhere is caught too).

import { base64 } from './encoding.js';

export const REDACTED = '[REDACTED]';
const TRUNCATED = '[TRUNCATED]';

const SECRET_NAMES = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'web_api_key', 'app_key', 'x-api-key',
  'authkey', 'signature', 'privatekey', 'private_key', 'sharedkey', 'client_secret', 'clientsecret',
  'access_token', 'refresh_token', 'apikey', 'api_key', 'password', 'token',
]);

export const isSecretName = (name: string): boolean => SECRET_NAMES.has(name.toLowerCase());

export class Secrets {
  readonly #values = new Set<string>();

  /** Registers a secret value and the forms it travels in (URL-encoded, base64). */
  add(value: string | undefined): void {
    if (!value || value.length < 4) return;
    for (const form of [value, encodeURIComponent(value), base64(value)]) this.#values.add(form);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.#values) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** A deep copy with secret-named fields masked and every string scrubbed. */
  scrubValue<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (!value || typeof value !== 'object') return value;
    // Deeper than any real body: cut off rather than kept as is, so nothing below escapes the scrubbing and
    // the copy stays printable (JSON.stringify of a hostile 10 000-deep body overflows the stack).
    if (depth > 20) return TRUNCATED as T;
    if (Array.isArray(value)) return value.map((v) => this.scrubValue(v, depth + 1)) as T;
    // Own properties only: a body's `"__proto__"` key must not become the copy's prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretName(k) ? REDACTED : this.scrubValue(v, depth + 1)])) as T;
  }

  headers(headers: Headers | Record<string, string> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!headers) return out;
    const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
    for (const [k, v] of entries) out[k] = isSecretName(k) ? REDACTED : this.scrub(v);
    return out;
  }

  url(url: string): string {
    try {
      const parsed = new URL(url);
      for (const key of [...parsed.searchParams.keys()]) if (isSecretName(key)) parsed.searchParams.set(key, REDACTED);
      if (parsed.password) parsed.password = REDACTED;
      return this.scrub(parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
    } catch {
      return this.scrub(url);
    }
  }
}
