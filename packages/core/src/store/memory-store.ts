// memoryStore(): the default StateStore. State lives in this process only, as it always did: intents, the shared
// token and waits hold across the calls of every client given the same store, and end with the process.
import type { ClaimResult, ListedRecord, ListQuery, StateStore, StoredRecord } from './state-store.js';

interface Held {
  record: StoredRecord;
  /** Epoch ms; Infinity for no TTL. */
  expiresAt: number;
}

/**
 * The default {@link StateStore}: intents, the shared token and waits hold across the clients given the same store,
 * within this process only.
 */
export function memoryStore(): StateStore {
  const records = new Map<string, Map<string, Held>>();
  const leases = new Map<string, { owner: string; expiresAt: number }>();
  const leaseKey = (scope: string, key: string) => `${scope}\u0000${key}`;

  const live = (scope: string, key: string): Held | undefined => {
    const held = records.get(scope)?.get(key);
    if (held && held.expiresAt <= Date.now()) {
      records.get(scope)!.delete(key);
      return undefined;
    }
    return held;
  };
  const write = (scope: string, key: string, record: StoredRecord, ttlMs: number | undefined) => {
    let inScope = records.get(scope);
    if (!inScope) records.set(scope, (inScope = new Map()));
    // A copy: a caller mutating its object afterwards must not change what is stored, as with the other stores.
    inScope.set(key, { record: structuredClone(record), expiresAt: ttlMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + ttlMs });
  };

  return {
    name: 'memory',
    async claim(scope, key, owner, ttlMs): Promise<ClaimResult> {
      const id = leaseKey(scope, key);
      const now = Date.now();
      const held = leases.get(id);
      if (held && held.owner !== owner && held.expiresAt > now) return { claimed: false, owner: held.owner, expiresAt: held.expiresAt };
      leases.set(id, { owner, expiresAt: now + ttlMs });
      return held && held.owner !== owner ? { claimed: true, expired: { ...held } } : { claimed: true };
    },
    async release(scope, key, owner) {
      const id = leaseKey(scope, key);
      if (leases.get(id)?.owner === owner) leases.delete(id);
    },
    async get(scope, key) {
      const held = live(scope, key);
      return held && structuredClone(held.record);
    },
    async set(scope, key, record, ttlMs) {
      write(scope, key, record, ttlMs);
    },
    async compareAndSet(scope, key, expected, record, ttlMs) {
      if (live(scope, key)?.record.state !== expected) return false;
      write(scope, key, record, ttlMs);
      return true;
    },
    async delete(scope, key) {
      records.get(scope)?.delete(key);
    },
    async list(query: ListQuery = {}): Promise<ListedRecord[]> {
      const out: ListedRecord[] = [];
      const scopes = query.scope === undefined ? [...records.keys()] : [query.scope];
      for (const scope of scopes) {
        for (const key of [...(records.get(scope)?.keys() ?? [])]) {
          if (query.prefix !== undefined && !key.startsWith(query.prefix)) continue;
          const held = live(scope, key);
          if (held && (query.state === undefined || held.record.state === query.state)) out.push({ scope, key, record: structuredClone(held.record) });
        }
      }
      return out;
    },
  };
}
