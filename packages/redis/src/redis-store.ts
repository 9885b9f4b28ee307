// redisStore({ client }): the StateStore on Redis, for workers on several machines. Same behaviour as
// memoryStore() (the contract suite in @creditkit/test-support runs on both); the key layout is in keys.ts,
// the atomic steps in scripts.ts. The client stays the caller's: the store never connects or closes it.
import type { ClaimResult, ListedRecord, ListQuery, StateStore, StoredRecord } from '@creditkit/core';
import { commandSender, type RedisCommandClient } from './command.js';
import { keyLayout } from './keys.js';
import { decodeClaim, decodeFlag, decodeList, decodeRecord, decodeRecords } from './replies.js';
import { CLAIM, DELETE, LIVE_KEYS, RELEASE, runScript, WRITE } from './scripts.js';

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /** A connected node-redis or ioredis client (or Cluster), or any object with `sendCommand(argv)`. */
  client: RedisCommandClient;
  /** Starts every key (`<prefix>:{<scope>}:…`), so that several stores share one database. Default `ck`. */
  prefix?: string;
}

/**
 * How long a lease key outlives its lease, so that the next claimant is told whose lease it took over (a
 * crashed or stalled worker). Past that, the key is gone and the claim is granted without `expired`.
 */
const LEASE_KEPT_AFTER_EXPIRY_MS = 60 * 60 * 1000;
/** Far enough (about 31,000 years) to stand for "never", small enough for PX and for exact doubles in Lua. */
const MAX_TTL_MS = 1e15;
/** Keys per MGET when listing: bounded replies, one slot each. */
const MGET_CHUNK = 256;

/** TTL as PX wants it: whole ms, at least 1; `''` for none. */
function px(ttlMs: number | undefined): string {
  if (ttlMs === undefined || Number.isNaN(ttlMs)) return '';
  return String(Math.min(MAX_TTL_MS, Math.max(1, Math.ceil(ttlMs))));
}

const json = (record: StoredRecord) => JSON.stringify({ state: record.state, value: record.value });

/**
 * The `StateStore` of `@creditkit/core` on Redis, for workers on several machines: the same behaviour as `memoryStore()`, with each
 * step atomic in a Lua script, and keys hash-tagged by scope so it works on a Cluster. The client stays yours: the
 * store never connects or closes it.
 */
export function redisStore(options: RedisStoreOptions): StateStore {
  const send = commandSender(options.client);
  const keys = keyLayout(options.prefix ?? 'ck');

  const write = async (mode: 'set' | 'none' | 'state', scope: string, key: string, expected: string, record: StoredRecord, ttlMs: number | undefined) => {
    const at = keys.of(scope);
    const script = runScript(send, WRITE, [at.record(key), at.index], [mode, expected, json(record), px(ttlMs), key]);
    // The list of scopes is outside the scope's slot: a separate command. After a plain set it is sent with the
    // script (pipelined, one round trip); after a compare-and-set only once it wrote.
    if (mode === 'set') {
      const [wrote] = await Promise.all([script, send(['SADD', keys.scopes, scope])]);
      return decodeFlag('set', wrote);
    }
    if (!decodeFlag('compareAndSet', await script)) return false;
    await send(['SADD', keys.scopes, scope]);
    return true;
  };

  const listScope = async (scope: string, query: ListQuery): Promise<ListedRecord[]> => {
    const at = keys.of(scope);
    const live = decodeList('list', await runScript(send, LIVE_KEYS, [at.index], []));
    const wanted = query.prefix === undefined ? live : live.filter((key) => key.startsWith(query.prefix!));
    const out: ListedRecord[] = [];
    for (let i = 0; i < wanted.length; i += MGET_CHUNK) {
      const chunk = wanted.slice(i, i + MGET_CHUNK);
      const records = decodeRecords('list (MGET)', await send(['MGET', ...chunk.map((key) => at.record(key))]), chunk.length);
      for (const [j, record] of records.entries()) {
        if (record && (query.state === undefined || record.state === query.state)) out.push({ scope, key: chunk[j]!, record });
      }
    }
    return out;
  };

  return {
    name: 'redis',
    async claim(scope, key, owner, ttlMs): Promise<ClaimResult> {
      const ttl = px(ttlMs) || String(MAX_TTL_MS);
      return decodeClaim(await runScript(send, CLAIM, [keys.of(scope).lease(key)], [owner, ttl, String(LEASE_KEPT_AFTER_EXPIRY_MS)]));
    },
    async release(scope, key, owner) {
      await runScript(send, RELEASE, [keys.of(scope).lease(key)], [owner]);
    },
    async get(scope, key) {
      return decodeRecord('get', await send(['GET', keys.of(scope).record(key)]));
    },
    async set(scope, key, record, ttlMs) {
      await write('set', scope, key, '', record, ttlMs);
    },
    async compareAndSet(scope, key, expected, record, ttlMs) {
      return write(expected === undefined ? 'none' : 'state', scope, key, expected ?? '', record, ttlMs);
    },
    async delete(scope, key) {
      const at = keys.of(scope);
      await runScript(send, DELETE, [at.record(key), at.index], [key]);
    },
    async list(query: ListQuery = {}) {
      const scopes = query.scope === undefined ? decodeList('list (SMEMBERS)', await send(['SMEMBERS', keys.scopes])) : [query.scope];
      return (await Promise.all(scopes.map((scope) => listScope(scope, query)))).flat();
    },
  };
}
