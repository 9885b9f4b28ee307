// Turns a provider definition and its generated facade into the `provider` plugin every package exports:
//   export const provider = defineProvider<FusebillClientOptions>()({ spec, operations, … }, bindOperations);
// (Curried so the options type is given while the spec's literal id and the methods are inferred.)
import { type Client, type ClientOptions, createClient, type ProviderDefinition } from './client.js';
import type { ProviderPlugin } from './registry.js';
import type { ProviderSpec } from './spec-types.js';

/** A provider's typed methods, plus `describe()` (the fixed stages and the hooks at each point) and the base URL in use. */
export type ProviderClient<TOps> = TOps & { describe: Client['describe']; readonly baseUrl: string };

export interface ProviderPackageDefinition<S extends ProviderSpec, TOptions> extends ProviderDefinition {
  readonly spec: S;
  /** Turns the package's friendly options into core's (2sms `format: 'xml'` -> `mediaType`). */
  readonly prepareOptions?: (options: TOptions) => ClientOptions & Record<string, unknown>;
}

/**
 * Turns a provider definition and its generated facade into the `provider` plugin every provider package exports:
 * `defineProvider<FusebillClientOptions>()({ spec, operations, … }, bindOperations)`. Curried so the options type is
 * given while the spec's literal id and the methods are inferred.
 */
export function defineProvider<TOptions extends ClientOptions>() {
  return <const S extends ProviderSpec, TOps extends object>(
    definition: ProviderPackageDefinition<S, TOptions>,
    bind: (client: Client) => TOps,
  ): ProviderPlugin<ProviderClient<TOps>, TOptions, S['id']> => ({
    id: definition.spec.id,
    name: definition.spec.name,
    spec: definition.spec,
    operations: definition.operations,
    definition,
    createClient(options?: TOptions): ProviderClient<TOps> {
      const given = (options ?? {}) as TOptions;
      const prepared = definition.prepareOptions ? definition.prepareOptions(given) : (given as ClientOptions & Record<string, unknown>);
      const client = createClient(definition, prepared);
      return Object.assign(bind(client), { describe: client.describe, baseUrl: client.baseUrl });
    },
  });
}
