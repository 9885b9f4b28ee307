// Which store the workers share, as a string that crosses process boundaries: `file:<dir>` (fileStore from
// @creditkit/core/node), `redis://host:port` (redisStore from @creditkit/redis), or `none` (no store: each
// client keeps its intents in its own memory, which the calibration uses to show what the checks catch).
import type { StateStore } from '@creditkit/core';
import { redisStore } from '@creditkit/redis';
import { createClient } from 'redis';

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

async function openRedisStore(spec: string): Promise<OpenStore> {
  const url = new URL(spec);
  const prefix = url.searchParams.get('prefix') ?? 'ck';
  url.search = '';
  const client = createClient({ url: url.href });
  await client.connect();
  return { store: redisStore({ client, prefix }), close: async () => void (await client.quit()) };
}

/** A store spec for the Redis at `url` with a key prefix of this run's own: no record of an earlier run (CI's Redis is shared) is read. */
export function redisSpec(url: string): string {
  const spec = new URL(url);
  spec.searchParams.set('prefix', `ck-workers-${process.pid}-${Date.now()}`);
  return spec.href;
}
