// Credentials come from the factory's options or, as users of Stripe/OpenAI SDKs expect, environment
// variables named in the spec. A missing one fails at construction, naming both.
import { ConfigurationError } from '../../errors.js';
import type { Secrets } from '../../redact.js';
import type { ProviderSpec } from '../../spec-types.js';

export function resolveCredentials(spec: ProviderSpec, options: Record<string, unknown>, secrets: Secrets): Record<string, string> {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const [option, { env: envName }] of Object.entries(spec.credentials)) {
    const value = options[option] ?? env[envName];
    if (typeof value === 'string' && value !== '') {
      out[option] = value;
      secrets.add(value);
    } else missing.push(`${option} (option \`${option}\` or env ${envName})`);
  }
  if (missing.length) {
    throw new ConfigurationError(`${spec.name} client needs ${missing.join(' and ')}`, { provider: spec.id });
  }
  return out;
}

/** The credential option that plays `role` for `scheme` (spec: `x-creditkit-provider.credentials.*.scheme/role`). */
export function credentialFor(spec: ProviderSpec, creds: Record<string, string>, scheme: string, role?: string): string {
  const entry = Object.entries(spec.credentials).find(([, c]) => c.scheme === scheme && (role === undefined || (c as { role?: string }).role === role));
  if (!entry) throw new ConfigurationError(`${spec.name}: no credential is mapped to security scheme '${scheme}'${role ? ` as ${role}` : ''}`, { provider: spec.id });
  return creds[entry[0]]!;
}
