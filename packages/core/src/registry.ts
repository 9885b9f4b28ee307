// For apps that choose a provider at run time: `createRegistry([finerworks, fusebill]).client('fusebill', opts)`.
import type { ClientOptions, ProviderDefinition } from './client.js';
import { ConfigurationError } from './errors.js';
import { type Plugin, resolvePlugins } from './plugin.js';
import type { OperationSpec, ProviderSpec } from './spec-types.js';

/** What every provider package exports as `provider`. */
export interface ProviderPlugin<TClient = unknown, TOptions extends ClientOptions = ClientOptions, Id extends string = string> {
  readonly id: Id;
  readonly name: string;
  readonly spec: ProviderSpec;
  readonly operations: Readonly<Record<string, OperationSpec>>;
  /** What core builds its clients from (for `createClient(definition, options)` and test seams). */
  readonly definition?: ProviderDefinition;
  /** A typed client of this provider, with these options. */
  createClient(options?: TOptions): TClient;
}

/** Options of {@link createRegistry}. */
export interface RegistryOptions {
  /** Plugins of every client the registry makes, before the client's own `plugins`. */
  plugins?: readonly Plugin[];
}

/** The provider registered as `Id` (all of them when ids are not literal types). */
type ProviderById<P, Id> = [Extract<P, { id: Id }>] extends [never] ? P : Extract<P, { id: Id }>;
type ClientOf<P> = P extends ProviderPlugin<infer C, any, string> ? C : never;
type OptionsOf<P> = P extends ProviderPlugin<any, infer O, string> ? O : never;

/** Providers chosen at run time by id, each client typed by its provider. */
export interface Registry<P extends ProviderPlugin<any, any, string>> {
  readonly providers: readonly P[];
  /** The provider registered under `id`; throws a `ConfigurationError` for an unknown id. */
  /** The provider registered under `id`; throws a `ConfigurationError` for an unknown id. */
  get<Id extends P['id']>(id: Id): ProviderById<P, Id>;
  /** A new client of the provider registered under `id`, with the registry's plugins before its own. */
  client<Id extends P['id']>(id: Id, options?: OptionsOf<ProviderById<P, Id>>): ClientOf<ProviderById<P, Id>>;
}

/**
 * A registry of these providers (each package's `provider` export), for apps that pick a provider at run time:
 * `createRegistry([finerworks, fusebill]).client('fusebill', options)`.
 */
export function createRegistry<const P extends ProviderPlugin<any, any, string>>(providers: readonly P[], registryOptions: RegistryOptions = {}): Registry<P> {
  const shared = registryOptions.plugins ?? [];
  // Checked now: a bad name fails where the registry is made, not at its first client.
  resolvePlugins(shared);
  const byId = new Map<string, P>();
  for (const p of providers) {
    if (byId.has(p.id) && byId.get(p.id) !== p) throw new ConfigurationError(`Two providers are registered as '${p.id}'`);
    byId.set(p.id, p);
  }
  const get = (id: string) => {
    const p = byId.get(id);
    if (!p) throw new ConfigurationError(`Unknown provider '${id}' (registered: ${[...byId.keys()].join(', ') || 'none'})`);
    return p;
  };
  return {
    providers: [...byId.values()],
    get: get as Registry<P>['get'],
    client: ((id: string, options?: ClientOptions) =>
      get(id).createClient(shared.length ? { ...options, plugins: [...shared, ...(options?.plugins ?? [])] } : options)) as Registry<P>['client'],
  };
}
