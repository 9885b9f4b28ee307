// Credentials come from the factory's options or, as users of Stripe/OpenAI SDKs expect, environment
// variables named in the spec. A missing or unusable one fails at construction, naming the option and never
// the value.
import { type CredentialName, ConfigurationError, MissingCredentialsError, UnusableCredentialError } from '../../errors.js';
import { HEADER_SAFE_VALUE, trimHeaderValue } from '../../header-map.js';
import type { Secrets } from '../../redact.js';
import type { ProviderSpec } from '../../spec-types.js';

/** CR, LF and NUL: no credential holds one (a pasted key with its line break); in a header they would split it. */
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

export function resolveCredentials(spec: ProviderSpec, options: Record<string, unknown>, secrets: Secrets): Record<string, string> {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const out: Record<string, string> = {};
  const missing: CredentialName[] = [];
  for (const [option, { env: envName }] of Object.entries(spec.credentials)) {
    const given = Object.hasOwn(options, option) ? options[option] : undefined;
    const value = given ?? (Object.hasOwn(env, envName) ? env[envName] : undefined);
    if (typeof value === 'string' && value !== '') {
      secrets.add(value);
      if (LINE_BREAK_OR_NUL.test(value)) throw unusable(spec, option, envName, 'contains a line break or NUL character');
      out[option] = value;
    } else missing.push({ option, env: envName });
  }
  if (missing.length) {
    const named = missing.map(({ option, env }) => `${option} (option \`${option}\` or env ${env})`);
    throw new MissingCredentialsError(`${spec.name} client needs ${named.join(' and ')}`, { provider: spec.id, credentials: missing });
  }
  return out;
}

/** The credential option that plays `role` for `scheme` (spec: `x-creditkit-provider.credentials.*.scheme/role`). */
export function credentialFor(spec: ProviderSpec, creds: Record<string, string>, scheme: string, role?: string): string {
  return creds[credentialOption(spec, scheme, role)]!;
}

export function credentialOption(spec: ProviderSpec, scheme: string, role?: string): string {
  const entry = Object.entries(spec.credentials).find(([, c]) => c.scheme === scheme && (role === undefined || (c as { role?: string }).role === role));
  if (!entry) throw new ConfigurationError(`${spec.name}: no credential is mapped to security scheme '${scheme}'${role ? ` as ${role}` : ''}`, { provider: spec.id });
  return entry[0];
}

/**
 * Refuses, at construction, a credential that cannot travel in the header it is meant for as given: a character
 * Headers refuses (beyond U+00FF, a control character) or whitespace at either end, which Headers would strip.
 */
export function checkHeaderValue(spec: ProviderSpec, option: string, header: string, value: string): void {
  // A line break is already refused by HEADER_SAFE_VALUE, so only spaces and tabs can be at the ends here.
  if (!HEADER_SAFE_VALUE.test(value) || value !== trimHeaderValue(value)) {
    throw unusable(spec, option, spec.credentials[option]?.env, `cannot be sent in the ${header} header as given (control characters, characters beyond U+00FF, or spaces at either end)`);
  }
}

function unusable(spec: ProviderSpec, option: string, envName: string | undefined, why: string): UnusableCredentialError {
  return new UnusableCredentialError(`${spec.name}: the credential \`${option}\`${envName ? ` (or env ${envName})` : ''} ${why}`, { provider: spec.id, credential: { option, env: envName } });
}
