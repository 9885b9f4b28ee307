// Flags -> the factory options of a provider's client. Credentials: --credential flags first, then (with
// --mock) the simulators' own, then the env vars the provider reads itself. Every credential value in use is
// registered in the command's Secrets, so nothing it prints can carry one.
import type { Secrets } from '@creditkit/core';
import type { MockServer } from '@creditkit/mock';
import type { Args } from '../args.js';
import type { CliProvider } from '../providers.js';
import { UsageError } from '../usage-error.js';
import { addSecrets } from './known-secrets.js';

export interface Target {
  options: Record<string, unknown>;
  /** Where the call goes, for hints and the dry run. */
  baseUrl: string;
  secrets: Secrets;
}

export function targetFor(provider: CliProvider, operation: string, args: Args, secrets: Secrets, mock?: MockServer): Target {
  const { spec } = provider;
  const op = provider.operations[operation]!;
  const mediaTypes = [...new Set([...(op.requestMediaTypes ?? []), ...op.responseMediaTypes])];
  if (args.mediaType !== undefined && !mediaTypes.includes(args.mediaType)) {
    throw new UsageError(`${spec.name} ${operation} does not speak '${args.mediaType}'`, `choose --media-type ${mediaTypes.join(' or ')}`);
  }
  // Own properties only: `--environment __proto__` or `constructor` names no environment.
  if (args.environment !== undefined && !Object.hasOwn(spec.servers, args.environment)) {
    throw new UsageError(`${spec.name} has no environment '${args.environment}'`, `choose --environment ${Object.keys(spec.servers).join(' or ')}, or pass --base-url`);
  }
  const fromMock = mock ? ((mock.credentials as Record<string, Record<string, string> | undefined>)[provider.id] ?? {}) : {};
  const options: Record<string, unknown> = {
    ...fromMock,
    ...credentialFlags(provider, args.credentials),
    ...definedOnly({
      baseUrl: args.baseUrl ?? mock?.url(provider.id),
      environment: args.environment,
      timeoutMs: args.timeoutMs,
      maxRetries: args.maxRetries,
      mediaType: args.mediaType,
    }),
  };
  addSecrets(secrets, Object.entries(spec.credentials).map(([name, { env }]) => (options[name] as string | undefined) ?? process.env[env]));
  const baseUrl = (options.baseUrl as string | undefined) ?? spec.servers[args.environment ?? spec.defaultEnvironment] ?? '';
  return { options, baseUrl, secrets };
}

/** `--credential webApiKey=…` (also `web-api-key=…` or the env var's name) -> `{ webApiKey: '…' }`. */
function credentialFlags(provider: CliProvider, flags: readonly string[]): Record<string, string> {
  const names = Object.entries(provider.spec.credentials);
  const squash = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const given = eq > 0 ? flag.slice(0, eq) : '';
    const match = names.find(([name, { env }]) => squash(name) === squash(given) || env === given);
    if (!match) {
      throw new UsageError(
        // Never echo the flag itself: without a name it may be a bare secret.
        eq > 0 ? `${provider.name} has no credential '${given}'` : '--credential takes name=value',
        `${provider.name} takes ${names.map(([name, { env }]) => `${name} (env ${env})`).join(', ')}`,
      );
    }
    out[match[0]] = flag.slice(eq + 1);
  }
  return out;
}

const definedOnly = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
