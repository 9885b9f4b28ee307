// Server-requested waits shared by the workers of one account (a store was given): a 429's `Retry-After` or
// software_DNA's `X-RateLimit-Reset` seen by one worker pauses every worker's next attempt for that account. Part
// of the attempt runner (before authorize), and of the retry loop (which records the wait it was told).
import type { AttemptContext, CallContext } from '../context.js';
import { AbortedError, RateLimitError } from '../errors.js';
import type { SharedState } from '../store/shared.js';
import { sleep } from '../timing.js';

/**
 * Waits out a pause another worker recorded; a pause beyond `maxWaitMs` or the deadline ends the attempt unsent.
 * True when it waited.
 */
export async function awaitServerWait(shared: SharedState, ctx: AttemptContext, maxWaitMs: number): Promise<boolean> {
  const until = await shared.pausedUntil();
  const wait = until - Date.now();
  if (wait <= 0) return false;
  const remaining = ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
  if (wait > maxWaitMs || wait > remaining) {
    throw new RateLimitError({
      provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, status: 429, retryAfterMs: wait,
      message: `${ctx.provider.name} asked this account's workers to wait ${Math.ceil(wait / 1000)} s, beyond this call's budget; nothing was sent`,
    });
  }
  ctx.log('info', 'retry.shared-wait', { waitMs: Math.round(wait) });
  await pauseFor(wait, ctx);
  return true;
}

/** A wait before an attempt, ended at once (as an AbortedError) by the caller's signal. */
export async function pauseFor(ms: number, ctx: CallContext): Promise<void> {
  try {
    await sleep(ms, ctx.options.signal);
  } catch {
    throw new AbortedError('Call aborted by the caller while waiting for the account’s request budget', { provider: ctx.provider.id, operation: ctx.operation.id, cause: ctx.options.signal?.reason });
  }
}
