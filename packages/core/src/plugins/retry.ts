// The outermost loop of a call. Retries what is safe to repeat, waits as the server asks (bounded), and
// never repeats a purchase that may already have been applied.
import { errorKindOf } from '../error-kinds.js';
import {
  AbortedError, AlreadyAppliedError, ApiError, ConflictError, ConnectionError, type DecodeError,
  OutcomeUnknownError, TimeoutError,
} from '../errors.js';
import type { CallContext } from '../context.js';
import type { CallPlugin } from '../plugin.js';
import { fullJitter, sleep } from '../timing.js';

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

export interface RetryDecision {
  retry: boolean;
  /** The server may have processed the request and we cannot tell. */
  ambiguous: boolean;
  /** The server's requested wait, if it gave one. */
  hintMs?: number;
}

/** Call-state slot: the number of the last attempt that reached the transport (set by the client). */
export const SENT_ATTEMPT = 'transport.sentAttempt';

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
const reachedTransport = (ctx: CallContext) => ctx.state.get(SENT_ATTEMPT) === ctx.history.length + 1;

const hint = (ms: number | undefined) => (ms === undefined ? {} : { hintMs: ms });

export function retryPlugin(options: RetryOptions = {}): CallPlugin {
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  return {
    name: 'retry',
    phase: 'call',
    after: ['validation', 'idempotency'],
    tags: ['retry'],
    middleware: async (input, next, ctx) => {
      const { maxRetries } = ctx.options;
      for (let retry = 0; ; retry++) {
        try {
          return await next(input);
        } catch (error) {
          const decision = classify(error, ctx);
          const attempt = retry + 1;
          ctx.history.push({ attempt, ambiguous: decision.ambiguous, error: error instanceof Error ? error.name : String(error) });
          const earlierAmbiguous = ctx.history.slice(0, -1).some((h) => h.ambiguous);
          const rule = ctx.operation.idempotency;
          if (error instanceof ConflictError && rule.conflictMeansDone && earlierAmbiguous) {
            throw new AlreadyAppliedError({ provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, cause: error, idempotencyKey: String(ctx.state.get('idempotencyKey') ?? '') });
          }
          if (!decision.retry || retry >= maxRetries) throw finalError(error, decision, ctx, attempt);
          const wait = decision.hintMs ?? fullJitter(retry, baseDelayMs, maxDelayMs, options.random);
          const remaining = ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
          if (decision.hintMs !== undefined && (decision.hintMs > maxRetryAfterMs || decision.hintMs > remaining)) {
            ctx.log('warn', 'retry.hint-exceeds-budget', { attempt, retryAfterMs: decision.hintMs, budgetMs: Math.min(maxRetryAfterMs, remaining) });
            throw error;
          }
          ctx.log('info', 'retry.scheduled', { attempt, waitMs: wait, reason: error instanceof Error ? error.message : String(error) });
          await waitOrStop(wait, remaining, ctx);
        }
      }
    },
  };
}

function finalError(error: unknown, decision: RetryDecision, ctx: CallContext, attempts: number): unknown {
  if (!decision.ambiguous || ctx.operation.idempotency.kind !== 'unsafe') return error;
  return outcomeUnknown(ctx, error, attempts);
}

/**
 * The error of an unsafe purchase that may have been applied: what was sent (its key included), and `answer`
 * when an answer came back that does not settle it. Also for providers' own in-doubt answers (2sms).
 */
export function outcomeUnknown(ctx: CallContext, cause: unknown, attempts: number, answer?: unknown): OutcomeUnknownError {
  const rule = ctx.operation.idempotency;
  const key = ctx.state.get('idempotencyKey');
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
      input: ctx.state.get('input'),
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
async function waitOrStop(wait: number, remaining: number, ctx: CallContext): Promise<void> {
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

