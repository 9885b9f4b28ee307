// Turns a provider definition and its generated facade into the `provider` plugin every package exports.
import { type Client, type ClientOptions, createClient, type ProviderDefinition } from './client.js';
import type { ProviderPlugin } from './registry.js';

/** A provider's typed methods, plus `describe()` (the resolved plugin order) and the base URL in use. */
export type ProviderClient<TOps> = TOps & { describe: Client['describe']; readonly baseUrl: string };

export function defineProvider<TOps extends object, TOptions extends ClientOptions>(
  definition: ProviderDefinition,
  bind: (client: Client) => TOps,
): ProviderPlugin<ProviderClient<TOps>, TOptions> {
  return {
    id: definition.spec.id,
    name: definition.spec.name,
    spec: definition.spec,
    operations: definition.operations,
    createClient(options?: TOptions): ProviderClient<TOps> {
      const client = createClient(definition, (options ?? {}) as TOptions & Record<string, unknown>);
      return Object.assign(bind(client), { describe: client.describe, baseUrl: client.baseUrl });
    },
  };
}
