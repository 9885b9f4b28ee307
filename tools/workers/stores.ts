// Which store the workers share, as a string that crosses process boundaries: `file:<dir>` (fileStore from
// @creditkit/core/node), `redis://host:port` (redisStore from @creditkit/redis), or `none` (no store: each
// client keeps its intents in its own memory, which the calibration uses to show what the checks catch).
import type { StateStore } from '@creditkit/core';

const STALE_LOCK_MS = 1000;

export type StoreKind = 'file' | 'redis';

export interface OpenStore {
  /** undefined for `none`: the client's default memoryStore(). */
  store: StateStore | undefined;
  close(): Promise<void>;
}

export async function openStore(spec: string): Promise<OpenStore> {
  if (spec === 'none') return { store: undefined, close: async () => {} };
  if (spec.startsWith('file:')) {
    const { fileStore } = await import('@creditkit/core/node');
    // A worker SIGKILLed while it holds the journal lock stalls every other one until the lock is stale (default 10 s):
    // the soak kills every ~half second, so it takes a stale lock over after 1 s.
    const store = fileStore(spec.slice('file:'.length), { staleLockMs: STALE_LOCK_MS });
    return { store, close: async () => store.close?.() };
  }
  if (spec.startsWith('redis://')) return openRedisStore(spec);
  throw new Error(`unknown store '${spec}' (file:<dir>, redis://host:port or none)`);
}

/** A DB of its own on a Redis it may share (CI's CREDITKIT_TEST_REDIS_URL), emptied first: no record of an earlier run is read. */
const REDIS_DB = 15;

async function openRedisStore(url: string): Promise<OpenStore> {
  // Imported by name at run time: @creditkit/redis and its peer are only needed for the redis run.
  const [{ createClient }, { redisStore }] = (await Promise.all([import(String('redis')), import(String('@creditkit/redis'))])) as [
    { createClient(options: { url: string; database?: number }): { connect(): Promise<RedisClient> } },
    { redisStore(options: { client: RedisClient }): StateStore },
  ];
  const client = await createClient({ url, database: REDIS_DB }).connect();
  return { store: redisStore({ client }), close: async () => void (await client.quit()) };
}

/** Empties the soak's DB before a run (the supervisor does this once; workers never do). */
export async function emptyRedisDb(url: string): Promise<void> {
  const { createClient } = (await import(String('redis'))) as { createClient(options: { url: string; database?: number }): { connect(): Promise<RedisClient> } };
  const client = await createClient({ url, database: REDIS_DB }).connect();
  await client.flushDb();
  await client.quit();
}

interface RedisClient {
  flushDb(): Promise<unknown>;
  quit(): Promise<unknown>;
}
