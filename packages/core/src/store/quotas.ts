// Proactive quotas: stay under a provider's request budget instead of discovering it by 429s, with one counter per
// account in the store, shared by every worker (rate-limiter-flexible's fixed windows, store/rate-limiter-store.ts).
// Budgets come from the client's `quotas.windows`, or are learned from answers: Fusebill announces its per-minute and
// per-day limits and what is left on every answer; software_DNA only says, on a 429, how long until its period ends,
// so its budget is what the account used since the period began. Before each attempt (after a shared server wait),
// one point is taken from each window; a spent window waits until it ends, within `maxWaitMs` and the deadline.
import type { AttemptContext } from '../context.js';
import { RateLimitError } from '../errors.js';
import { pauseFor } from '../pipeline/server-wait.js';
import type { WireResponse } from '../transport/transport.js';
import { type QuotaLimiter, storeLimiter } from './rate-limiter-store.js';
import type { SharedState } from './shared.js';

/** A request budget: at most `points` requests per `durationMs`, per provider account. */
export interface QuotaWindow {
  readonly points: number;
  readonly durationMs: number;
}

/** Proactive request budgets (client option `quotas`): calls wait for budget instead of being refused with a 429. */
export interface QuotaOptions {
  /** Budgets to keep under, by name (Fusebill's are `minute` and `day`); they win over what the provider's answers say. */
  readonly windows?: Readonly<Record<string, QuotaWindow>>;
  /** The longest wait for budget before the call fails with a RateLimitError, nothing sent. Default: retry.maxRetryAfterMs. */
  readonly maxWaitMs?: number;
}

/** What one answer says of the account's budgets, by window name. */
export type QuotaReading = Readonly<
  Record<string, { readonly limit: number; readonly remaining?: number; readonly durationMs: number; readonly resetsAt?: number } | { readonly spentForMs: number }>
>;

/** A provider's budget rules (ProviderDefinition.quotas). */
export interface ProviderQuotas {
  /** What an answer says of the account's budgets. */
  read(response: WireResponse): QuotaReading | undefined;
  /** The provider only reveals a period's end on a 429 (`spentForMs`): count requests so its budget can be learned. */
  readonly revealedByRefusal?: boolean;
}

export interface Quotas {
  /**
   * Takes one point of each known window for this attempt, waiting for a spent one to end. `reread`: look for
   * windows other workers learned now (this attempt just waited out a 429 another worker met).
   */
  take(ctx: AttemptContext, reread?: boolean): Promise<void>;
  /** Learns budgets from an answer (never throws: an observer). */
  observe(response: WireResponse, ctx: AttemptContext): void;
}

const ACCOUNT = 'account';
const WINDOWS_KEY = 'quota:windows';
/** The counter of requests since a budget-revealing period began (software_DNA): long enough to span any period. */
const SEEN_MS = 24 * 60 * 60 * 1000;
/** How often a worker re-reads the windows other workers learned. */
const REFRESH_MS = 1_000;

export function createQuotas(shared: SharedState, options: QuotaOptions, provider: ProviderQuotas | undefined, defaultMaxWaitMs: number): Quotas {
  const configured = options.windows ?? {};
  const maxWaitMs = options.maxWaitMs ?? defaultMaxWaitMs;
  let learned: Record<string, QuotaWindow> = {};
  let refreshedAt = 0;
  const limiters = new Map<string, Promise<QuotaLimiter>>();
  const limiter = (name: string, w: QuotaWindow) => {
    const id = `${name}:${w.points}:${w.durationMs}`;
    let found = limiters.get(id);
    // One counter per window name and length: a window learned at 60 s and then given at 2 s are two counters.
    if (!found) limiters.set(id, (found = shared.scope().then((scope) => storeLimiter(shared.store, scope, `quota:${name}:${w.durationMs}`, w.points, w.durationMs))));
    return found;
  };
  const seenCounter = () => limiter('seen', { points: Number.MAX_SAFE_INTEGER, durationMs: SEEN_MS });
  // Counting for a budget not learned yet costs a store write per request: only for a provider that needs it.
  const counting = () => provider?.revealedByRefusal === true && Object.keys(learned).length === 0;

  let refreshing: Promise<void> | undefined;
  async function windows(): Promise<Record<string, QuotaWindow>> {
    if (Date.now() - refreshedAt > REFRESH_MS) {
      // Every call that finds the windows stale waits for the same read: none may go ahead unlimited meanwhile.
      refreshing ??= (async () => {
        const found = await shared.store.get(await shared.scope(), WINDOWS_KEY);
        if (found?.value && typeof found.value === 'object') learned = { ...learned, ...(found.value as unknown as Record<string, QuotaWindow>) };
        refreshedAt = Date.now();
      })().finally(() => {
        refreshing = undefined;
      });
      await refreshing;
    }
    return { ...learned, ...configured };
  }

  async function learn(name: string, w: QuotaWindow) {
    const known = learned[name];
    if (known && known.points === w.points && known.durationMs === w.durationMs) return;
    learned = { ...learned, [name]: w };
    await shared.store.set(await shared.scope(), WINDOWS_KEY, { state: 'learned', value: { ...learned } as never }, SEEN_MS);
  }

  /** What answers taught that is not in the store yet: the next attempt of this worker waits for it. */
  let learning: Promise<unknown> = Promise.resolve();

  return {
    async take(ctx, reread = false) {
      await learning;
      if (reread) refreshedAt = 0;
      for (const [name, w] of Object.entries(await windows())) {
        const l = await limiter(name, w);
        for (;;) {
          try {
            await l.consume(ACCOUNT);
            break;
          } catch (refusal) {
            const wait = (refusal as { msBeforeNext?: unknown } | null)?.msBeforeNext;
            if (typeof wait !== 'number') throw refusal;
            const remaining = ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
            if (wait > maxWaitMs || wait > remaining) {
              throw new RateLimitError({
                provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, status: 429, retryAfterMs: wait,
                message: `this account's ${name} budget of ${w.points} requests is spent for ${Math.ceil(wait / 1000)} s, beyond this call's budget; nothing was sent`,
              });
            }
            ctx.log('info', 'quota.wait', { window: name, waitMs: Math.round(wait) });
            await pauseFor(Math.max(1, wait), ctx);
          }
        }
      }
      if (counting()) await (await seenCounter()).consume(ACCOUNT).catch(() => undefined);
    },
    observe(response, ctx) {
      let reading: QuotaReading | undefined;
      try {
        reading = provider?.read(response);
      } catch {
        return;
      }
      if (!reading) return;
      const work = Object.entries(reading).map(async ([name, r]) => {
        if ('spentForMs' in r) {
          // The period's budget is what the account used since it began (the refused request not counted).
          const seen = await (await seenCounter()).get(ACCOUNT);
          if (!seen || seen.consumedPoints < 2) return;
          const startedAt = Date.now() + seen.msBeforeNext - SEEN_MS;
          // The server opens its period when our first request arrives, a little after we count it: a margin keeps
          // our window from ending before the server's.
          const measured = Date.now() + r.spentForMs - startedAt;
          await learn(name, { points: seen.consumedPoints - 1, durationMs: Math.ceil(Math.max(1000, measured * 1.05 + 100)) });
          return;
        }
        if (!(r.limit > 0) || !(r.durationMs > 0)) return;
        const w = { points: r.limit, durationMs: r.durationMs };
        if (r.remaining !== undefined) {
          // The server counts what other clients of the key used, and the requests made before the window was
          // known: take what it says is used, and its window's end when it says it, so that our window opens when
          // the server's does. Before the window is published, so no worker counts without it.
          const l = await limiter(name, configured[name] ?? w);
          const used = r.limit - r.remaining;
          const windowMs = (configured[name] ?? w).durationMs;
          // A reset instant beyond one window (a server clock far from ours) keeps our window's own end.
          const trusted = r.resetsAt !== undefined && r.resetsAt > Date.now() && r.resetsAt - Date.now() <= windowMs * 1.5;
          await l.sync(ACCOUNT, used, trusted ? r.resetsAt : undefined);
        }
        await learn(name, w);
      });
      learning = Promise.all([learning, ...work]).catch((error: unknown) => ctx.log('warn', 'quota.observe-failed', { error: error instanceof Error ? error.message : String(error) }));
    },
  };
}
