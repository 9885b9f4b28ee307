// The plugin contract and its ordering. A plugin is a plain object with a name. Placement is explicit:
// a phase (`call`: once per logical call; `attempt`: once per HTTP request) and `before`/`after` names,
// resolved by a topological sort so that chains of constraints hold (a pairwise sort gets them wrong).
import type { Codec } from './decode/codec.js';
import { ConfigurationError } from './errors.js';
import type { AttemptContext, CallContext } from './context.js';

export type Next<In, Out> = (input: In) => Promise<Out>;

/** Around one logical call: sees the input, returns the decoded result. `next` may run more than once. */
export type CallMiddleware = (input: Record<string, unknown>, next: Next<Record<string, unknown>, unknown>, ctx: CallContext) => Promise<unknown>;

/** Around one HTTP attempt: sees a fresh `Request`, returns a fully read `Response`. */
export type AttemptMiddleware = (request: Request, next: Next<Request, Response>, ctx: AttemptContext) => Promise<Response>;

interface PluginBase {
  readonly name: string;
  /** Plugins that must be installed; this one runs after them within its phase. */
  readonly dependencies?: readonly string[];
  readonly before?: readonly string[];
  readonly after?: readonly string[];
  /** Capabilities others can look for (`auth`, `retry`, `codec:xml`…). */
  readonly tags?: readonly string[];
  /** Body codecs this plugin brings, by media type. */
  readonly codecs?: Readonly<Record<string, Codec>>;
}

export interface CallPlugin extends PluginBase {
  readonly phase: 'call';
  readonly middleware?: CallMiddleware;
}

export interface AttemptPlugin extends PluginBase {
  readonly phase: 'attempt';
  readonly middleware?: AttemptMiddleware;
}

export type Plugin = CallPlugin | AttemptPlugin;

export class PluginOrderError extends ConfigurationError {}

/**
 * Merges plugin lists (later lists replace same-named plugins of earlier ones: that is how a user swaps a
 * built-in policy), drops repeats of the same object, and orders each phase.
 */
export function resolvePlugins(...lists: readonly (readonly Plugin[])[]): { call: CallPlugin[]; attempt: AttemptPlugin[] } {
  const byName = new Map<string, Plugin>();
  for (const list of lists) {
    const seenHere = new Set<string>();
    for (const plugin of list) {
      if (seenHere.has(plugin.name) && byName.get(plugin.name) !== plugin) {
        throw new PluginOrderError(`Two different plugins are named '${plugin.name}'`);
      }
      seenHere.add(plugin.name);
      byName.set(plugin.name, plugin);
    }
  }
  const all = [...byName.values()];
  for (const p of all) {
    for (const dep of p.dependencies ?? []) {
      if (!byName.has(dep)) throw new PluginOrderError(`Plugin '${p.name}' depends on '${dep}', which is not installed (chain: ${dependencyChain(p, byName).join(' -> ')} -> ${dep})`);
    }
  }
  return {
    call: sortPhase(all.filter((p): p is CallPlugin => p.phase === 'call')),
    attempt: sortPhase(all.filter((p): p is AttemptPlugin => p.phase === 'attempt')),
  };
}

function dependencyChain(p: Plugin, byName: Map<string, Plugin>): string[] {
  const chain = [p.name];
  let current: Plugin | undefined = p;
  // Walk back to a plugin that depends on this one, for a readable chain.
  while (current) {
    const parent = [...byName.values()].find((q) => q.dependencies?.includes(current!.name) && !chain.includes(q.name));
    if (!parent) break;
    chain.unshift(parent.name);
    current = parent;
  }
  return chain;
}

/** Kahn's algorithm; ties keep the order plugins were given in. */
function sortPhase<P extends Plugin>(plugins: P[]): P[] {
  const names = new Set(plugins.map((p) => p.name));
  const edges = new Map<string, Set<string>>(plugins.map((p) => [p.name, new Set()]));
  const edge = (from: string, to: string) => {
    if (names.has(from) && names.has(to)) edges.get(from)!.add(to);
  };
  for (const p of plugins) {
    for (const a of [...(p.after ?? []), ...(p.dependencies ?? [])]) edge(a, p.name);
    for (const b of p.before ?? []) edge(p.name, b);
  }
  const indegree = new Map(plugins.map((p) => [p.name, 0]));
  for (const targets of edges.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const order: P[] = [];
  const ready = plugins.filter((p) => indegree.get(p.name) === 0);
  while (ready.length) {
    const p = ready.shift()!;
    order.push(p);
    for (const t of edges.get(p.name)!) {
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) ready.push(plugins.find((q) => q.name === t)!);
    }
    ready.sort((a, b) => plugins.indexOf(a) - plugins.indexOf(b));
  }
  if (order.length < plugins.length) {
    throw new PluginOrderError(`Plugin order has a cycle: ${findCycle(edges, indegree).join(' -> ')}`);
  }
  return order;
}

function findCycle(edges: Map<string, Set<string>>, indegree: Map<string, number>): string[] {
  const stuck = [...indegree].filter(([, d]) => d > 0).map(([n]) => n);
  const path: string[] = [];
  let node = stuck[0]!;
  while (!path.includes(node)) {
    path.push(node);
    node = [...edges.get(node)!].find((t) => stuck.includes(t))!;
  }
  return [...path.slice(path.indexOf(node)), node];
}

/** Runs middleware as an onion: the first is outermost. */
export function compose<In, Out, Ctx>(
  layers: readonly ((input: In, next: Next<In, Out>, ctx: Ctx) => Promise<Out>)[],
  terminal: (input: In, ctx: Ctx) => Promise<Out>,
  ctx: Ctx,
): Next<In, Out> {
  return layers.reduceRight<Next<In, Out>>((next, layer) => (input) => layer(input, next, ctx), (input) => terminal(input, ctx));
}
