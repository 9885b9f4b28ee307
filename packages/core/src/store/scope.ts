// The scope of a client's shared state: one provider account at one host. Workers with the same credentials
// against the same host share intents, the token, waits and quotas; a sandbox and a live account never do. The
// credentials are hashed (SHA-256, cut to 16 hex digits): the store never holds a key, only a name for it.

export async function accountScope(providerId: string, baseUrl: string, credentials: Readonly<Record<string, string>>): Promise<string> {
  const parts = [baseUrl, ...Object.keys(credentials).sort().map((name) => `${name}=${credentials[name]}`)];
  return `${providerId}:${(await sha256Hex(parts.join('\u0000'))).slice(0, 16)}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with object keys sorted at every depth: the same input always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
