// The retry rules: which failure may be sent again (`classify`), the error an unsafe purchase in doubt ends
// with, and the abortable wait between attempts. The loop that applies them is pipeline/retry-loop.ts.
import { errorKindOf } from '../error-kinds.js';
import { AbortedError, ApiError, ConnectionError, type DecodeError, OutcomeUnknownError, TimeoutError } from '../errors.js';
import type { CallContext } from '../context.js';
import { sleep } from '../timing.js';

/**
 * The backoff of the retry stage (client option `retry`). Which failures are retried is fixed by each operation's
 * idempotency.
 */
export interface RetryOptions {
  /** First backoff ceiling in ms (doubles per retry). Default 500. */
  baseDelayMs?: number;
  /** Backoff ceiling in ms. Default 8000. */
  maxDelayMs?: number;
  /** The longest server-requested wait we will sleep through; longer hints fail fast. Default 60000. */
  maxRetryAfterMs?: number;
  /** Source of randomness for jitter (tests pin it). */
  random?: () => number;
}

/** What {@link classify} decides for one failed attempt. */
export interface RetryDecision {
  retry: boolean;
  /** The server may have processed the request and we cannot tell. */
  ambiguous: boolean;
  /** The server's requested wait, if it gave one. */
  hintMs?: number;
}

/** Decides for one failed attempt, from the operation's idempotency class (see README, "Retries"). */
export function classify(error: unknown, ctx: CallContext): RetryDecision {
  const kind = ctx.operation.idempotency.kind;
  const repeatable = kind !== 'unsafe';
  // The error class's rule comes from the one table (error-kinds.ts); the fields below refine it.
  const rule = errorKindOf(error).retry;
  if (rule === 'if-not-sent') {
    // A timeout before this attempt reached the transport (waiting on a token) was provably never sent.
    const sent = error instanceof ConnectionError ? error.requestSent : reachedTransport(ctx);
    const spent = error instanceof TimeoutError && error.scope === 'total';
    return { retry: (repeatable || !sent) && !spent, ambiguous: sent };
  }
  if (rule === 'after-wait') return { retry: true, ambiguous: false, ...hint((error as ApiError).retryAfterMs) };
  if (rule === 'by-status' && error instanceof ApiError) {
    const hinted = error.retryAfterMs;
    // A 503 that names a time to come back is a refusal before processing.
    if (error.status === 503 && hinted !== undefined) return { retry: true, ambiguous: false, hintMs: hinted };
    if (error.status >= 500 || error.status === 408) return { retry: repeatable, ambiguous: false, ...hint(hinted) };
    // A redirect is never followed, and it proves nothing: a 303 is how many servers answer a POST they processed.
    // One on a side request (the token) left the operation unsent.
    if (error.status >= 300 && error.status < 400) return { retry: false, ambiguous: reachedTransport(ctx) };
    return { retry: false, ambiguous: false };
  }
  // A 2xx we could not read: the purchase went through, its answer did not.
  if (rule === 'if-repeatable' && ((error as DecodeError).status ?? 200) < 300) return { retry: repeatable, ambiguous: true };
  return { retry: false, ambiguous: false };
}

/** Whether the operation's own request of the current attempt was handed to the transport. */
const reachedTransport = (ctx: CallContext) => ctx.sentAttempt === ctx.history.length + 1;

const hint = (ms: number | undefined) => (ms === undefined ? {} : { hintMs: ms });

export function finalError(error: unknown, decision: RetryDecision, ctx: CallContext, attempts: number): unknown {
  if (!decision.ambiguous || ctx.operation.idempotency.kind !== 'unsafe') return error;
  return outcomeUnknown(ctx, error, attempts);
}

/**
 * The error of an unsafe purchase that may have been applied: what was sent (its key included), and `answer`
 * when an answer came back that does not settle it. Also for providers' own in-doubt answers (2sms).
 */
export function outcomeUnknown(ctx: CallContext, cause: unknown, attempts: number, answer?: unknown): OutcomeUnknownError {
  const rule = ctx.operation.idempotency;
  const key = ctx.idempotencyKey;
  const check = key === undefined ? 'this request' : `${rule.field} ${String(key)}`;
  return new OutcomeUnknownError({
    provider: ctx.provider.id,
    operation: ctx.operation.id,
    secrets: ctx.secrets,
    cause,
    attempts,
    reconcile: {
      method: ctx.operation.method,
      path: ctx.operation.path,
      input: ctx.input,
      hint: `Check the ${ctx.provider.name} account for ${check} before sending it again${key === undefined ? '' : `; a resend should reuse that ${rule.field}`}.`,
      ...(answer === undefined ? {} : { answer }),
    },
  });
}

/**
 * A backoff sleep that ends at once on the caller's abort or the call deadline. A sleep cut short by the
 * deadline ends the call whatever `Date.now()` says afterwards: a timer may fire a millisecond before the wall
 * clock reaches the deadline, and that must not buy one more attempt.
 */
export async function waitOrStop(wait: number, remaining: number, ctx: CallContext): Promise<void> {
  const signals = [ctx.options.signal].filter((s): s is AbortSignal => !!s);
  try {
    await sleep(Math.min(wait, Math.max(0, remaining)), signals.length ? AbortSignal.any(signals) : undefined);
  } catch {
    throw new AbortedError('Call aborted by the caller while waiting to retry', { provider: ctx.provider.id, operation: ctx.operation.id, cause: ctx.options.signal?.reason });
  }
  if (wait >= remaining || (ctx.deadline !== undefined && Date.now() >= ctx.deadline)) {
    throw new TimeoutError({ provider: ctx.provider.id, operation: ctx.operation.id, scope: 'total', timeoutMs: ctx.options.totalTimeoutMs ?? 0 });
  }
}

