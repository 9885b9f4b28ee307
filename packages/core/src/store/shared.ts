// What the workers of one provider account share through the client's store: the intents' environment, values
// computed once for all (an OAuth2 token, a clock offset), and a server-requested wait. With no `store` option
// the client keeps a memoryStore() of its own: intents still hold within the process, and the rest stays as
// cheap as it always was (nothing is shared beyond this client, so `sharing` is false and callers skip it).
import { ConfigurationError } from '../errors.js';
import type { ProviderSpec } from '../spec-types.js';
import { sleep } from '../timing.js';
import type { IntentEnv } from './intents.js';
import { memoryStore } from './memory-store.js';
import { accountScope } from './scope.js';
import type { StateStore, StoredValue } from './state-store.js';

export interface SharedStateOptions {
  store?: StateStore | undefined;
  intentWaitMs?: number | undefined;
  intentLeaseMs?: number | undefined;
}

/**
 * What the workers of one provider account share through the client's store: the token, waits, clock offset, quotas
 * and intents.
 */
export interface SharedState {
  /** A store was given: the token, waits, clock offset and quotas go through it, for every worker. */
  readonly sharing: boolean;
  readonly store: StateStore;
  /** The account scope of this client's records. */
  scope(): Promise<string>;
  /** The intent records of this account, for the key stage. */
  intents(): IntentEnv;
  /**
   * The value at `key`, or, when there is none (or `usable` refuses it), computed by one worker for all: the first
   * to take the key's fetch lease computes and stores it (for `ttlMs`), the others wait for its record.
   */
  once<T extends StoredValue>(key: string, compute: () => Promise<{ value: T; ttlMs: number }>, usable: (value: T) => boolean, signal?: AbortSignal): Promise<T>;
  /** Marks the value at `key` unusable, if it is still `current` (a 401 on that token): the next `once` computes anew. */
  invalidate(key: string, isCurrent: (value: StoredValue) => boolean): Promise<void>;
  /** Epoch ms until which the server asked this account to wait (0: no wait). */
  pausedUntil(): Promise<number>;
  /** Records a server-requested wait for every worker of this account. */
  pause(ms: number): Promise<void>;
}

const FETCH_LEASE_MS = 30_000;
const POLL_MS = 50;
const PAUSE_KEY = 'wait:server';

export function sharedState(spec: ProviderSpec, baseUrl: string, credentials: Readonly<Record<string, string>>, options: SharedStateOptions): SharedState {
  const given = options.store;
  if (given !== undefined && !isStore(given)) throw new ConfigurationError(`${spec.name}: store must be a StateStore (memoryStore(), fileStore(dir), redisStore({ client }))`, { provider: spec.id, option: 'store' });
  let store = given;
  const theStore = () => (store ??= memoryStore());
  let scope: Promise<string> | undefined;
  const scopeOf = () => (scope ??= accountScope(spec.id, baseUrl, credentials));
  const owner = globalThis.crypto.randomUUID();
  const env = (): IntentEnv => ({ store: theStore(), scope: scopeOf, leaseMs: options.intentLeaseMs ?? 30_000, waitMs: options.intentWaitMs ?? 30_000 });

  return {
    sharing: given !== undefined,
    get store() {
      return theStore();
    },
    scope: scopeOf,
    intents: env,
    async once(key, compute, usable, signal) {
      const s = theStore();
      const at = await scopeOf();
      for (;;) {
        const found = await s.get(at, key);
        if (found && found.state === 'valid' && usable(found.value as never)) return found.value as never;
        const lease = await s.claim(at, `${key}#compute`, owner, FETCH_LEASE_MS);
        if (!lease.claimed) {
          await sleep(Math.max(5, Math.min(POLL_MS, lease.expiresAt - Date.now())), signal);
          continue;
        }
        try {
          const again = await s.get(at, key);
          if (again && again.state === 'valid' && usable(again.value as never)) return again.value as never;
          const { value, ttlMs } = await compute();
          await s.set(at, key, { state: 'valid', value }, Math.max(1, ttlMs));
          return value;
        } finally {
          await s.release(at, `${key}#compute`, owner);
        }
      }
    },
    async invalidate(key, isCurrent) {
      const s = theStore();
      const at = await scopeOf();
      const found = await s.get(at, key);
      if (found && found.state === 'valid' && isCurrent(found.value)) await s.compareAndSet(at, key, 'valid', { state: 'invalid', value: null }, FETCH_LEASE_MS);
    },
    async pausedUntil() {
      const found = await theStore().get(await scopeOf(), PAUSE_KEY);
      const until = (found?.value as { until?: unknown } | undefined)?.until;
      return typeof until === 'number' && until > Date.now() ? until : 0;
    },
    async pause(ms) {
      if (!(ms > 0) || !Number.isFinite(ms)) return;
      const s = theStore();
      const at = await scopeOf();
      const until = Date.now() + ms;
      // Never shorten a longer wait another worker was given.
      if ((await this.pausedUntil()) >= until) return;
      await s.set(at, PAUSE_KEY, { state: 'waiting', value: { until } }, ms);
    },
  };
}

const isStore = (value: unknown): value is StateStore =>
  typeof value === 'object' && value !== null && ['claim', 'release', 'get', 'set', 'compareAndSet', 'delete', 'list'].every((m) => typeof (value as Record<string, unknown>)[m] === 'function');
