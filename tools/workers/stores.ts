// Which store the workers share, as a string that crosses process boundaries: `file:<dir>` (fileStore from
// @creditkit/core/node), `redis://host:port` (redisStore from @creditkit/redis), or `none` (no store: each
// client keeps its intents in its own memory, which the calibration uses to show what the checks catch).
import type { StateStore } from '@creditkit/core';

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
    const store = fileStore(spec.slice('file:'.length));
    return { store, close: async () => store.close?.() };
  }
  if (spec.startsWith('redis://')) return openRedisStore(spec);
  throw new Error(`unknown store '${spec}' (file:<dir>, redis://host:port or none)`);
}

async function openRedisStore(url: string): Promise<OpenStore> {
  void url;
  throw new Error('redisStore: @creditkit/redis has not landed yet');
}
