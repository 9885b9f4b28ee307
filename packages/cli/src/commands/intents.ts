// `creditkit intents list|show|resolve`: the purchase intents a store holds (what workers bought, what is in
// doubt), read and settled by hand. Every subcommand needs the store the workers use (--store / CREDITKIT_STORE).
import type { Secrets, StateStore } from '@creditkit/core';
import type { Args } from '../args.js';
import { EXIT_CODES } from '../exit-codes.js';
import { intentDetails, intentJson, intentsJsonLines, intentsTable } from '../intents/render-intents.js';
import { checkState, type FoundIntent, findIntent, listIntents } from '../intents/read-intents.js';
import { resolveIntent } from '../intents/resolve-intent.js';
import type { Io } from '../io.js';
import { type StoreSource, withRequiredStore } from '../store/use-store.js';
import { UsageError } from '../usage-error.js';

export const INTENTS_SUBCOMMANDS = ['list', 'show', 'resolve'] as const;

export async function intentsCommand(sub: string, rest: readonly string[], args: Args, io: Io, secrets: Secrets, source: StoreSource): Promise<number> {
  if (sub === 'list') {
    noMore(rest, 0);
    const state = checkState(args.state);
    return withRequiredStore(source, 'creditkit intents list', (store) => list(store, { ...(state ? { state } : {}), ...(args.provider ? { provider: args.provider } : {}) }, args, io, secrets));
  }
  const id = rest[0];
  if (id === undefined) throw new UsageError(`creditkit intents ${sub} needs an intent id`, `e.g. creditkit intents ${sub} order-1042${sub === 'resolve' ? ' --applied' : ''}`);
  noMore(rest, 1);
  if (sub === 'show') return withRequiredStore(source, 'creditkit intents show', (store) => show(store, id, args, io, secrets));
  const outcome = outcomeOf(args);
  return withRequiredStore(source, 'creditkit intents resolve', async (store) => {
    const [intent, ...others] = (await findIntent(store, id)) as [FoundIntent, ...FoundIntent[]];
    if (others.length > 0) {
      throw new UsageError(`intent ${id} is in ${others.length + 1} accounts of this store; resolve cannot tell which one you checked`, `see them with creditkit intents show ${id}`);
    }
    const record = await resolveIntent(store, intent, outcome, { ...(args.note !== undefined ? { note: args.note } : {}), force: args.force });
    const resolved = { ...intent, state: record.state, value: record.value as FoundIntent['value'] };
    if (args.json) io.out(intentJson(resolved, secrets));
    else io.out(`intent ${id}: ${intent.state} -> ${record.state} (recorded by hand)`);
    return EXIT_CODES.ok;
  });
}

async function list(store: StateStore, filter: Parameters<typeof listIntents>[1], args: Args, io: Io, secrets: Secrets): Promise<number> {
  const intents = await listIntents(store, filter);
  if (args.json) {
    if (intents.length > 0) io.out(intentsJsonLines(intents, secrets));
  } else if (intents.length > 0) io.out(intentsTable(intents));
  else io.err(`no intents${filter.state ? ` in state ${filter.state}` : ''}${filter.provider !== undefined ? ` of provider ${filter.provider}` : ''} in the store (${store.name})`);
  return EXIT_CODES.ok;
}

async function show(store: StateStore, id: string, args: Args, io: Io, secrets: Secrets): Promise<number> {
  const found = await findIntent(store, id);
  if (args.json) io.out(found.map((intent) => intentJson(intent, secrets)).join('\n'));
  else io.out(found.map(intentDetails).join('\n\n'));
  return EXIT_CODES.ok;
}

function outcomeOf(args: Args): 'applied' | 'failed' {
  if (args.applied === args.failed) {
    throw new UsageError('creditkit intents resolve takes exactly one of --applied or --failed', 'check the provider account first: --applied if the purchase is there, --failed if it is not');
  }
  return args.applied ? 'applied' : 'failed';
}

function noMore(rest: readonly string[], allowed: number): void {
  const extra = rest[allowed];
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, 'run `creditkit intents --help` for usage');
}
