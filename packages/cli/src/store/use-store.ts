// The store of one command: the one `run()` was handed (an embedding app's, a test's), else the one `--store`
// or CREDITKIT_STORE names (the flag wins), opened for the command and closed when it ends.
import type { StateStore } from '@creditkit/core';
import type { Args } from '../args.js';
import { UsageError } from '../usage-error.js';
import { openStore } from './open-store.js';
import { parseStoreSpec, STORE_ENV, type StoreSpec } from './store-spec.js';

export interface StoreSource {
  /** Handed to `run()`: used as is, never closed by the command. */
  readonly given?: StateStore;
  readonly spec?: StoreSpec;
}

export function storeSource(args: Args, given: StateStore | undefined): StoreSource {
  if (given) return { given };
  if (args.store) return { spec: args.store };
  const env = process.env[STORE_ENV];
  return env ? { spec: parseStoreSpec(env, STORE_ENV) } : {};
}

/** Runs `body` with the store (undefined when none is named), closing what was opened for it. */
export async function withStore<T>(source: StoreSource, body: (store: StateStore | undefined) => Promise<T>): Promise<T> {
  if (source.given || !source.spec) return body(source.given);
  const opened = await openStore(source.spec);
  try {
    return await body(opened.store);
  } finally {
    // A store that fails to close changes nothing the command did: its outcome stands.
    await opened.close().catch(() => undefined);
  }
}

/** The same, for the commands that cannot work without one (`creditkit intents …`). */
export function withRequiredStore<T>(source: StoreSource, command: string, body: (store: StateStore) => Promise<T>): Promise<T> {
  if (!source.given && !source.spec) {
    throw new UsageError(`${command} needs a store: pass --store or set ${STORE_ENV}`, `e.g. --store file:/var/lib/creditkit or --store redis://:<password>@host:6379 (the store the workers use)`);
  }
  return withStore(source, (store) => body(store!));
}
