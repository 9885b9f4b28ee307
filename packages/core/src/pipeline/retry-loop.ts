// Stage `retry` — contract: runs the attempts of one logical call. After each failed attempt it records the
// attempt (`ctx.history`) and decides by the retry rules (plugins/retry.ts `classify`), from the operation's
// idempotency class and the failure: never twice for an unsafe purchase that may have been applied (it ends as an
// OutcomeUnknownError), a 409 after an ambiguous keyed attempt is AlreadyAppliedError, server hints honoured
// within `maxRetryAfterMs` and the deadline, else full-jitter backoff. The `shouldRetry` policy is asked only
// about a retry the rules allow, so it can remove retries, never add one. `onRetry` hooks are told of each retry.
import { type CallContext, callState } from '../context.js';
import { AlreadyAppliedError, ConflictError, ServerError } from '../errors.js';
import type { ResolvedPlugins, RetryInfo } from '../plugin.js';
import { classify, finalError, type RetryOptions, waitOrStop } from '../plugins/retry.js';
import { fullJitter } from '../timing.js';

export interface RetryPolicy extends RetryOptions {
  /** Asked before each retry the rules allow; false ends the call with the attempt's error. */
  shouldRetry?: ((info: RetryInfo) => boolean) | undefined;
  /** Tells this account's other workers of a wait the server asked for (a store was given). */
  shareWait?: ((ms: number) => Promise<void>) | undefined;
}

export async function retryLoop(run: () => Promise<unknown>, ctx: CallContext, policy: RetryPolicy, plugins: ResolvedPlugins): Promise<unknown> {
  const baseDelayMs = policy.baseDelayMs ?? 500;
  const maxDelayMs = policy.maxDelayMs ?? 8000;
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? 60_000;
  const { maxRetries } = ctx.options;
  for (let retry = 0; ; retry++) {
    try {
      return await run();
    } catch (error) {
      const decision = classify(error, ctx);
      const attempt = retry + 1;
      if (decision.hintMs !== undefined && policy.shareWait) {
        await policy.shareWait(decision.hintMs).catch((e: unknown) => ctx.log('warn', 'store.failed', { step: 'share-wait', error: e instanceof Error ? e.message : String(e) }));
      }
      // A 5xx other than 503 does not say the request was not processed (a 500 after the work, a 504 from a proxy):
      // a later 409 on the same key then means it was. The retry rules still read the decision, not this record.
      const mayHaveProcessed = decision.ambiguous || (error instanceof ServerError && error.status !== 503);
      callState(ctx).history.push({ attempt, ambiguous: mayHaveProcessed, error: error instanceof Error ? error.name : String(error) });
      // An intent resent after being in doubt counts its earlier send: a 409 on the same key means that one was applied.
      const earlierAmbiguous = ctx.intent?.mayBeApplied === true || ctx.history.slice(0, -1).some((h) => h.ambiguous);
      const rule = ctx.operation.idempotency;
      if (error instanceof ConflictError && rule.conflictMeansDone && earlierAmbiguous) {
        throw new AlreadyAppliedError({ provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, cause: error, idempotencyKey: ctx.idempotencyKey ?? '' });
      }
      if (!decision.retry || retry >= maxRetries) throw finalError(error, decision, ctx, attempt);
      const wait = decision.hintMs ?? fullJitter(retry, baseDelayMs, maxDelayMs, policy.random);
      const remaining = ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
      if (decision.hintMs !== undefined && (decision.hintMs > maxRetryAfterMs || decision.hintMs > remaining)) {
        ctx.log('warn', 'retry.hint-exceeds-budget', { attempt, retryAfterMs: decision.hintMs, budgetMs: Math.min(maxRetryAfterMs, remaining) });
        throw error;
      }
      const info: RetryInfo = { attempt, error, ambiguous: decision.ambiguous, waitMs: wait, provider: ctx.provider.id, operation: ctx.operation.id };
      if (policy.shouldRetry && !vetoAllows(policy.shouldRetry, info, ctx)) {
        ctx.log('info', 'retry.vetoed', { attempt });
        throw finalError(error, decision, ctx, attempt);
      }
      ctx.log('info', 'retry.scheduled', { attempt, waitMs: wait, serverRequested: decision.hintMs !== undefined, reason: error instanceof Error ? error.message : String(error) });
      for (const [name, hook] of plugins.onRetry) {
        try {
          hook(info, ctx);
        } catch (hookError) {
          ctx.log('warn', 'plugin.hook-failed', { plugin: name, hook: 'onRetry', error: hookError instanceof Error ? hookError.message : String(hookError) });
        }
      }
      await waitOrStop(wait, remaining, ctx);
    }
  }
}

/** Only an explicit `true` keeps the retry; a policy that throws removes it (and says so in the log). */
function vetoAllows(shouldRetry: (info: RetryInfo) => boolean, info: RetryInfo, ctx: CallContext): boolean {
  try {
    return shouldRetry(info) === true;
  } catch (error) {
    ctx.log('warn', 'retry.policy-failed', { attempt: info.attempt, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
