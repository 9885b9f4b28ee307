// Opens the store a StoreSpec names, for one command: `memory` (one per process, so in-process runs share it),
// `file:<dir>` (fileStore from @creditkit/core/node) or `redis://…` (@creditkit/redis, an optional peer of the
// CLI: loaded only when asked for, by a name held in a const so no bundler pulls it in). `close()` ends what the
// command opened; the process's memory store stays.
import { memoryStore, type StateStore } from '@creditkit/core';
import { fileStore } from '@creditkit/core/node';
import { CommandError } from '../command-error.js';
import { UsageError } from '../usage-error.js';
import type { StoreSpec } from './store-spec.js';

export const REDIS_PACKAGE = '@creditkit/redis';

export interface OpenedStore {
  readonly store: StateStore;
  close(): Promise<void>;
}

/** What @creditkit/redis exports for the CLI. */
interface RedisModule {
  connectRedisStore(url: string): Promise<OpenedStore>;
}

let processMemory: StateStore | undefined;

/** `redisPackage`: the module to load for `redis://` (a test names one that is not installed). */
export async function openStore(spec: StoreSpec, redisPackage = REDIS_PACKAGE): Promise<OpenedStore> {
  if (spec.kind === 'memory') {
    processMemory ??= memoryStore();
    return { store: processMemory, close: async () => {} };
  }
  if (spec.kind === 'file') {
    // A folder it cannot use is a ConfigurationError (option `store`, exit 2) from the first command that uses it.
    const store = fileStore(spec.dir);
    return { store, close: async () => store.close?.() };
  }
  const redis = await loadRedis(redisPackage);
  try {
    return await redis.connectRedisStore(spec.url);
  } catch (error) {
    // The message may name the host; the password is a registered secret, scrubbed before anything prints.
    throw new CommandError(`the Redis store could not be reached: ${messageOf(error)}`, { status: 'network', hint: 'check the host, port and password in --store (or CREDITKIT_STORE), and that Redis is running' });
  }
}

async function loadRedis(name: string): Promise<RedisModule> {
  let loaded: Partial<RedisModule>;
  try {
    loaded = (await import(name)) as Partial<RedisModule>;
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    throw new UsageError(`a redis:// store needs the package ${name}, which is not installed`, `install it next to the CLI (npm install ${name}), or use a file:<dir> store`);
  }
  if (typeof loaded.connectRedisStore !== 'function') {
    throw new UsageError(`${name} has no connectRedisStore: its version does not match this CLI`, `install the ${name} version released with this @creditkit/cli`);
  }
  return loaded as RedisModule;
}

/** Node's "not found" for the package itself (not for a dependency of it), and vite's in tests. */
function isMissing(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  // Named as the package asked for, not as a path inside it: a dependency of it missing is another failure.
  const named = [`'${name}'`, `"${name}"`, `url ${name} `].some((form) => error.message.includes(form));
  return named && /Cannot find (package|module)|Failed to (load|resolve)/i.test(error.message);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
