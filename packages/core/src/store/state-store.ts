// The StateStore contract: the little a store must do so that "never twice" holds across processes, machines and
// restarts. Core keeps purchase intents, the shared OAuth2 token, server-requested waits, clock offsets and quota
// counters in it (store/intents.ts, store/shared.ts). Three implementations pass one contract suite
// (@creditkit/test-support `describeStateStore`): memoryStore() here, fileStore(dir) in @creditkit/core/node,
// redisStore({ client }) in @creditkit/redis.
//
// Every record lives in a scope: one provider account (`fusebill:3f9a0c…`). A store may place a scope's keys
// together (Redis hash-tags them into one cluster slot), so an atomic step never spans two scopes.

/** A value as the store keeps it: JSON, so that every store can hold it. */
export type StoredValue = null | boolean | number | string | readonly StoredValue[] | { readonly [key: string]: StoredValue };

/** One record: a state (what compareAndSet and list look at) and a JSON value. */
export interface StoredRecord {
  readonly state: string;
  readonly value: StoredValue;
}

/** The outcome of a claim. */
export type ClaimResult =
  | {
      readonly claimed: true;
      /** The lease this claim replaced because it had expired (its owner crashed or stalled), if any. */
      readonly expired?: { readonly owner: string; readonly expiresAt: number };
    }
  | {
      readonly claimed: false;
      /** Who holds the live lease, and until when (epoch ms). */
      readonly owner: string;
      readonly expiresAt: number;
    };

/** One record found by `list`. */
export interface ListedRecord {
  readonly scope: string;
  readonly key: string;
  readonly record: StoredRecord;
}

/** Which records {@link StateStore.list} returns. */
export interface ListQuery {
  /** One scope; every scope when absent. */
  readonly scope?: string;
  /** Only keys starting with this. */
  readonly prefix?: string;
  /** Only records in this state. */
  readonly state?: string;
}

/**
 * Where clients keep what must outlive one call or be shared between workers: leases and records with a TTL, by scope
 * and key. `memoryStore()`, `fileStore(dir)` from `@creditkit/core/node`, and `redisStore` from `@creditkit/redis`
 * implement it.
 */
export interface StateStore {
  /** What the store is, for logs and the CLI (`memory`, `file:/var/lib/creditkit`, `redis`). Never a password. */
  readonly name: string;
  /**
   * Takes the lease on (scope, key) for `owner` for `ttlMs`, atomically: granted when no lease is held, when the
   * held lease has expired, or when `owner` already holds it (then it is extended). Leases are apart from records:
   * claiming never reads or writes the record of the same key.
   */
  claim(scope: string, key: string, owner: string, ttlMs: number): Promise<ClaimResult>;
  /** Ends `owner`'s lease on (scope, key). Does nothing when another owner holds it or none is held. */
  release(scope: string, key: string, owner: string): Promise<void>;
  /** The record, or undefined when there is none or its TTL has run out. */
  get(scope: string, key: string): Promise<StoredRecord | undefined>;
  /** Writes the record whatever is there. With `ttlMs`, it is gone after that long; without, it stays. */
  set(scope: string, key: string, record: StoredRecord, ttlMs?: number): Promise<void>;
  /**
   * Writes the record only if the current one is in state `expected` (`undefined`: only if there is none, an
   * expired one counting as none), atomically. Returns whether it wrote.
   */
  compareAndSet(scope: string, key: string, expected: string | undefined, record: StoredRecord, ttlMs?: number): Promise<boolean>;
  /** Removes the record (not the lease). */
  delete(scope: string, key: string): Promise<void>;
  /** The live records matching the query, in no set order. */
  list(query?: ListQuery): Promise<ListedRecord[]>;
  /** Frees what the store holds open (file handles). The caller's Redis client stays the caller's to close. */
  close?(): Promise<void>;
}
