// User plugins: named objects that hook in at the pipeline's named points (pipeline/stages.ts), never a stage of
// their own. A hook sees typed data and a typed context; it cannot skip validation, the idempotency key, the retry
// rules or the timeouts, which are not plugins. Registered per client (`plugins` option) or per registry.
import type { AttemptContext, CallContext } from './context.js';
import type { Codec } from './decode/codec.js';
import { ConfigurationError } from './errors.js';
import { HOOK_POINTS, type HookPoint, RESERVED_NAMES } from './pipeline/stages.js';
import type { WireRequest } from './transport/transport.js';

/** What the retry loop tells `onRetry` hooks and the `shouldRetry` policy about a failed attempt it would retry. */
export interface RetryInfo {
  /** The attempt that failed (1 for the first). */
  readonly attempt: number;
  readonly error: unknown;
  /** The server may have processed the failed request (a retry of it is still safe, or it would not be offered). */
  readonly ambiguous: boolean;
  /** The wait before the next attempt, in ms (the server's hint or the backoff). */
  readonly waitMs: number;
  readonly provider: string;
  readonly operation: string;
}

/** The hooks a {@link Plugin} may have, one per hook point. */
export interface PluginHooks {
  /**
   * Sees each request as it will leave (serialized, authorized, signed), before the send stage; may return a
   * changed copy (an extra header). Runs for every send, a re-authorized resend included. A throw ends the attempt
   * before anything is sent.
   */
  beforeSend?(request: WireRequest, ctx: AttemptContext): WireRequest | undefined | Promise<WireRequest | undefined>;
  /** Sees each decoded 2xx result. An observer: what it returns is ignored, and a throw is logged, never the outcome. */
  afterDecode?(result: unknown, ctx: AttemptContext): void | Promise<void>;
  /** Told of each retry the retry loop schedules. An observer: a throw is logged and ignored. */
  onRetry?(info: RetryInfo, ctx: CallContext): void;
}

/**
 * A named user plugin: hooks at the pipeline's hook points and body codecs. It cannot skip validation, the idempotency
 * key, the retry rules or the timeouts. Given per client (`plugins`) or per registry.
 */
export interface Plugin {
  /** Unique among a client's plugins, and not the name of a stage. */
  readonly name: string;
  readonly hooks?: PluginHooks;
  /** Body codecs this plugin brings, by media type (over the provider's and core's). */
  readonly codecs?: Readonly<Record<string, Codec>>;
}

/** A client's plugins, checked, with the hooks of each point in the order they run. */
export interface ResolvedPlugins {
  readonly plugins: readonly Plugin[];
  readonly beforeSend: readonly NonNullable<PluginHooks['beforeSend']>[];
  readonly afterDecode: readonly (readonly [string, NonNullable<PluginHooks['afterDecode']>])[];
  readonly onRetry: readonly (readonly [string, NonNullable<PluginHooks['onRetry']>])[];
  /** Names per hook point, in order (for describe()). */
  readonly order: Readonly<Record<HookPoint, readonly string[]>>;
}

/**
 * The registry's plugins, then the client's, in the order given. The same object given twice counts once; two
 * plugins of one name, a stage's name, or an unknown hook are a ConfigurationError.
 */
export function resolvePlugins(...lists: readonly (readonly Plugin[] | undefined)[]): ResolvedPlugins {
  const plugins: Plugin[] = [];
  const byName = new Map<string, Plugin>();
  for (const plugin of lists.flatMap((list) => list ?? [])) {
    const name = (plugin as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') throw new ConfigurationError('A plugin needs a name (a non-empty string)');
    if (RESERVED_NAMES.has(name)) throw new ConfigurationError(`A plugin cannot be named '${name}': that is a stage of the pipeline, which plugins hook into but never replace`);
    const seen = byName.get(name);
    if (seen === plugin) continue;
    if (seen) throw new ConfigurationError(`Two different plugins are named '${name}'`);
    for (const point of Object.keys(plugin.hooks ?? {})) {
      if (!(HOOK_POINTS as readonly string[]).includes(point)) throw new ConfigurationError(`Plugin '${name}' hooks into '${point}', which is not a hook point (${HOOK_POINTS.join(', ')})`);
    }
    byName.set(name, plugin);
    plugins.push(plugin);
  }
  const beforeSend = plugins.flatMap((p) => (p.hooks?.beforeSend ? [[p.name, p.hooks.beforeSend.bind(p.hooks)] as const] : []));
  const afterDecode = plugins.flatMap((p) => (p.hooks?.afterDecode ? [[p.name, p.hooks.afterDecode.bind(p.hooks)] as const] : []));
  const onRetry = plugins.flatMap((p) => (p.hooks?.onRetry ? [[p.name, p.hooks.onRetry.bind(p.hooks)] as const] : []));
  return {
    plugins,
    beforeSend: beforeSend.map(([, hook]) => hook),
    afterDecode,
    onRetry,
    order: { beforeSend: beforeSend.map(([n]) => n), afterDecode: afterDecode.map(([n]) => n), onRetry: onRetry.map(([n]) => n) },
  };
}
