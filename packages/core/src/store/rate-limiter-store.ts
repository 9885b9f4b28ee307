// rate-limiter-flexible on any StateStore: its fixed-window limiter logic (consume, get) over our store's
// get and compareAndSet, so that one quota counter is shared by every worker on the same fileStore or Redis. Loaded
// only when quotas are on (a dynamic import keeps the library out of clients that never use it).
/// <reference path="./rate-limiter-flexible.d.ts" />
import type { RateLimiterRes as Res, RateLimiterStoreAbstract as StoreAbstract } from 'rate-limiter-flexible';
import type { StateStore } from './state-store.js';

interface Counter {
  consumed: number;
  /** Epoch ms the window ends; 0 for never. */
  endsAt: number;
  version: number;
}

export interface QuotaLimiter {
  readonly points: number;
  readonly durationMs: number;
  /** Resolves when a point was taken; rejects with `{ msBeforeNext }` when the window is spent. */
  consume(key: string, points?: number): Promise<Res>;
  get(key: string): Promise<Res | null>;
  /**
   * Takes the server's count in one compare-and-set: the window holds at least `used` points (never the sum of what
   * several workers read and added), and ends when the server says (`resetsAt`, epoch ms) so that the next window
   * opens when the server's does; without `resetsAt`, where it already ends (or a full window from now).
   */
  sync(key: string, used: number, resetsAt?: number): Promise<void>;
}

/** How many times a compare-and-set loses to other workers before the counter gives up (and the call goes on). */
const MAX_RACES = 32;

export async function storeLimiter(store: StateStore, scope: string, keyPrefix: string, points: number, durationMs: number): Promise<QuotaLimiter> {
  const [{ default: Abstract }, { default: RateLimiterRes }] = await Promise.all([
    import('rate-limiter-flexible/lib/RateLimiterStoreAbstract.js') as Promise<{ default: typeof StoreAbstract }>,
    import('rate-limiter-flexible/lib/RateLimiterRes.js') as Promise<{ default: typeof Res }>,
  ]);

  class StateStoreLimiter extends Abstract {
    readonly durationMs = durationMs;

    async _upsert(rlKey: string, change: number, msDuration: number, forceExpire = false): Promise<[number, number]> {
      for (let race = 0; race < MAX_RACES; race++) {
        const found = await store.get(scope, rlKey);
        const now = Date.now();
        const held = found?.value as Counter | undefined;
        const live = held && (held.endsAt === 0 || held.endsAt > now) ? held : undefined;
        const endsAt = !live || forceExpire ? (msDuration > 0 ? now + msDuration : 0) : live.endsAt;
        const next: Counter = { consumed: (live && !forceExpire ? live.consumed : 0) + change, endsAt, version: (held?.version ?? 0) + 1 };
        const ttl = endsAt === 0 ? undefined : Math.max(1, endsAt - now);
        if (await store.compareAndSet(scope, rlKey, found?.state, { state: `v${next.version}`, value: { ...next } }, ttl)) {
          return [next.consumed, endsAt === 0 ? -1 : endsAt - now];
        }
      }
      // Lost every race: count nothing rather than block the call on a busy counter.
      return [0, msDuration];
    }

    async sync(key: string, used: number, resetsAt?: number): Promise<void> {
      const rlKey = this.getKey(key);
      for (let race = 0; race < MAX_RACES; race++) {
        const found = await store.get(scope, rlKey);
        const held = found?.value as Counter | undefined;
        const now = Date.now();
        const live = held && (held.endsAt === 0 || held.endsAt > now) ? held : undefined;
        if (resetsAt !== undefined && resetsAt <= now) return;
        const endsAt = resetsAt ?? live?.endsAt ?? now + durationMs;
        const next: Counter = { consumed: Math.max(used, live?.consumed ?? 0), endsAt, version: (held?.version ?? 0) + 1 };
        if (live && live.endsAt === next.endsAt && live.consumed === next.consumed) return;
        const ttl = endsAt === 0 ? undefined : Math.max(1, endsAt - now);
        if (await store.compareAndSet(scope, rlKey, found?.state, { state: `v${next.version}`, value: { ...next } }, ttl)) return;
      }
    }

    async _get(rlKey: string): Promise<[number, number] | null> {
      const found = await store.get(scope, rlKey);
      const held = found?.value as Counter | undefined;
      if (!held) return null;
      return [held.consumed, held.endsAt === 0 ? -1 : Math.max(0, held.endsAt - Date.now())];
    }

    async _delete(rlKey: string): Promise<boolean> {
      await store.delete(scope, rlKey);
      return true;
    }

    _getRateLimiterRes(_rlKey: string, changedPoints: number, result: [number, number]): Res {
      const [consumed, msBeforeNext] = result;
      return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, consumed === changedPoints);
    }
  }

  return new StateStoreLimiter({ storeClient: store, keyPrefix, points, duration: durationMs / 1000 }) as unknown as QuotaLimiter;
}
