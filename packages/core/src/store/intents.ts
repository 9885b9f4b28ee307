// Purchase intents: the caller's `intentId` names one purchase, and the store remembers what became of it, so that
// a second call (a redelivered message, a restarted worker, another process) never buys it twice.
//
// open: read the record, and replay an ended intent with nothing sent (applied: the stored result; refused: the same
// error; in doubt and unsafe: OutcomeUnknownError); else claim the intent's lease, read again, and wait for a live
// holder or take it:
//   none | claimed (a crashed worker never sent) | failed, not definitive  -> claimed, sent as new (same key)
//   sent (a crashed worker may have sent)                                   -> in_doubt, then as below
//   in_doubt, operation keyed or safe                                       -> claimed, resent with the SAME key
// markSent (the send stage, before the first request leaves): claimed -> sent.
// settle (the result stage): sent -> applied | failed | in_doubt (see `endOf`).
import type { CallContext } from '../context.js';
import { errorKindOf } from '../error-kinds.js';
import { AlreadyAppliedError, ApiError, ConnectionError, IntentInFlightError, OutcomeUnknownError, RateLimitError, ValidationError } from '../errors.js';
import { outcomeUnknown } from '../plugins/retry.js';
import { pauseFor } from '../pipeline/server-wait.js';
import { type IntentAttempt, type IntentState, type IntentValue, intentKey } from './intent-record.js';
import { canonicalJson, sha256Hex } from './scope.js';
import type { StateStore, StoredRecord } from './state-store.js';
import { plain, restoreError, toStoredError } from './stored-error.js';

export interface IntentEnv {
  readonly store: StateStore;
  /** The client's account scope (computed once). */
  readonly scope: () => Promise<string>;
  readonly leaseMs: number;
  readonly waitMs: number;
}

/** An intent this call holds: the key to send with, and the two writes of its life. */
export interface IntentHandle {
  readonly intentId: string;
  /** The key fixed by an earlier call of this intent; undefined on its first call. */
  readonly idempotencyKey: string | undefined;
  /** An earlier send may have been applied: a 409 on the same key then means done. */
  readonly mayBeApplied: boolean;
  /** Before the first request leaves: records that it may be seen. Throws (nothing sent) if the lease was lost. */
  markSent(ctx: CallContext): Promise<void>;
  /** The call's end. Never throws: a store that fails here leaves the intent `sent`, which reads as in doubt. */
  settle(ctx: CallContext, outcome: { ok: true; data: unknown } | { ok: false; error: unknown }): Promise<void>;
}

export type OpenedIntent = { readonly held: IntentHandle } | { readonly replay: () => unknown };

const POLL_MS = 200;

/** A record as this file reads and writes it. */
type IntentRecord = { readonly state: string; readonly value: IntentValue };
const asStored = (record: IntentRecord) => record as unknown as StoredRecord;

export async function openIntent(env: IntentEnv, ctx: CallContext, callerInput: Record<string, unknown>, intentId: string): Promise<OpenedIntent> {
  const { store } = env;
  const scope = await env.scope();
  const key = intentKey(intentId);
  const fingerprint = await sha256Hex(canonicalJson(callerInput));
  const owner = globalThis.crypto.randomUUID();
  const started = Date.now();
  const who = { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets };
  const mismatch = (record: IntentRecord | undefined) =>
    record && (record.value.fingerprint !== fingerprint || record.value.operation !== ctx.operation.id)
      ? new ValidationError([{ path: '', rule: 'intentId', message: `intent ${intentId} was first called with other input (${record.value.operation}); an intent id names one purchase: use a new id for a different one` }], who)
      : undefined;
  // An ended intent never changes again: its replay needs no lease (one read, no write).
  const known = (await store.get(scope, key)) as unknown as IntentRecord | undefined;
  const refused = mismatch(known);
  if (refused) throw refused;
  const ended = known && replayOf(known, ctx);
  if (ended) return { replay: ended };
  for (;;) {
    const claim = await store.claim(scope, key, owner, env.leaseMs);
    const record = (await store.get(scope, key)) as unknown as IntentRecord | undefined;
    const wrong = mismatch(record);
    if (wrong) {
      if (claim.claimed) await store.release(scope, key, owner);
      throw wrong;
    }
    const replay = record && replayOf(record, ctx);
    if (replay) {
      if (claim.claimed) await store.release(scope, key, owner);
      return { replay };
    }
    if (!claim.claimed) {
      const waited = Date.now() - started;
      if (waited >= env.waitMs) throw new IntentInFlightError({ ...who, intentId, waitedMs: waited, leaseExpiresAt: claim.expiresAt });
      const pause = Math.max(10, Math.min(POLL_MS, claim.expiresAt - Date.now(), env.waitMs - waited));
      await pauseFor(pause, ctx);
      continue;
    }
    const taken = await take(env, scope, key, owner, record, ctx, intentId, fingerprint);
    if (taken) return { held: taken };
    // The record changed between our read and our write (only a holder of an expired lease writes without ours):
    // read it again.
  }
}

/** The end a call replays without sending, or undefined when the intent must be (re)sent or waited on. */
function replayOf(record: IntentRecord, ctx: CallContext): (() => unknown) | undefined {
  const { value } = record;
  const state = record.state as IntentState;
  if (state === 'applied') {
    if (value.error) return () => { throw restoreError(value.error!, value.intentId); };
    return () => value.result;
  }
  if (state === 'failed' && value.definitive) return () => { throw restoreError(value.error!, value.intentId); };
  if (state === 'in_doubt' && ctx.operation.idempotency.kind === 'unsafe') {
    if (value.error?.name === 'OutcomeUnknownError' || value.error?.name === 'ServerError') return () => { throw restoreError(value.error!, value.intentId); };
    return () => { throw crashedInDoubt(ctx, value); };
  }
  return undefined;
}

/** Takes the intent under our lease; undefined when the record changed under us. */
async function take(env: IntentEnv, scope: string, key: string, owner: string, record: IntentRecord | undefined, ctx: CallContext, intentId: string, fingerprint: string): Promise<IntentHandle | undefined> {
  const { store } = env;
  const now = Date.now();
  let value: IntentValue;
  if (record === undefined) {
    value = { intentId, provider: ctx.provider.id, operation: ctx.operation.id, fingerprint, input: null, idempotencyKey: null, createdAt: now, updatedAt: now, attempts: [], mayBeApplied: false };
  } else if (record.state === 'sent') {
    // Its worker is gone (we hold the lease) and may have sent it: in doubt first, so a crash of ours keeps that.
    const inDoubt = { ...record.value, mayBeApplied: true, updatedAt: now };
    if (!(await store.compareAndSet(scope, key, 'sent', asStored({ state: 'in_doubt', value: inDoubt })))) return undefined;
    ctx.log('warn', 'intent.in-doubt', { intentId, reason: 'the worker that sent it stopped before an answer was recorded' });
    if (ctx.operation.idempotency.kind === 'unsafe') {
      await store.release(scope, key, owner);
      throw crashedInDoubt(ctx, inDoubt);
    }
    return take(env, scope, key, owner, { state: 'in_doubt', value: inDoubt }, ctx, intentId, fingerprint);
  } else {
    // An in-doubt record already says `mayBeApplied` (every way into in_doubt sets it).
    value = { ...record.value, updatedAt: now };
  }
  if (!(await store.compareAndSet(scope, key, record?.state, asStored({ state: 'claimed', value })))) return undefined;
  if (record) ctx.log('info', 'intent.resumed', { intentId, from: record.state, idempotencyKey: value.idempotencyKey ?? undefined });
  return holdIntent(env, scope, key, owner, value);
}

function holdIntent(env: IntentEnv, scope: string, key: string, owner: string, taken: IntentValue): IntentHandle {
  const { store } = env;
  let current: { state: IntentState; value: IntentValue } = { state: 'claimed', value: taken };
  // The lease is renewed while the call runs: a worker alive and slow is not taken for crashed.
  const heartbeat = setInterval(() => void store.claim(scope, key, owner, env.leaseMs).catch(() => undefined), Math.max(50, env.leaseMs / 3));
  (heartbeat as { unref?: () => void }).unref?.();
  const write = async (state: IntentState, value: IntentValue) => {
    const ok = await store.compareAndSet(scope, key, current.state, asStored({ state, value }));
    if (ok) current = { state, value };
    return ok;
  };
  return {
    intentId: taken.intentId,
    idempotencyKey: taken.idempotencyKey ?? undefined,
    mayBeApplied: taken.mayBeApplied,
    async markSent(ctx) {
      if (current.state !== 'claimed') return;
      const lease = await store.claim(scope, key, owner, env.leaseMs);
      const value = { ...current.value, input: plain(ctx.secrets.scrubValue(ctx.input)), idempotencyKey: ctx.idempotencyKey ?? null, updatedAt: Date.now() };
      if (!lease.claimed || !(await write('sent', value))) {
        throw new ConnectionError(`Intent ${taken.intentId} was taken over by another worker while this one stalled; nothing was sent by this call`, { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, requestSent: false, code: 'INTENT_LEASE_LOST' });
      }
    },
    async settle(ctx, outcome) {
      clearInterval(heartbeat);
      try {
        const attempts = [...current.value.attempts, ...attemptsOf(ctx, owner, outcome.ok)];
        // The end of an earlier call of this intent (an in-doubt error) is not this call's.
        const { error: _earlier, definitive: _wasDefinitive, ...kept } = current.value;
        const base: IntentValue = { ...kept, attempts, updatedAt: Date.now() };
        const end = outcome.ok ? { state: 'applied' as const, value: { ...base, result: plain(ctx.secrets.scrubValue(outcome.data)) } } : endOf(outcome.error, ctx, base, current.state === 'sent');
        if (!(await write(end.state, end.value))) ctx.log('warn', 'intent.settle-lost', { intentId: taken.intentId, state: end.state });
        await store.release(scope, key, owner);
      } catch (error) {
        ctx.log('error', 'intent.settle-failed', { intentId: taken.intentId, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}

/** How a failed call leaves its intent. Conservative: once a request left, only a refusal that proves nothing was applied frees it. */
function endOf(error: unknown, ctx: CallContext, base: IntentValue, sent: boolean): { state: IntentState; value: IntentValue } {
  const stored = { ...base, error: toStoredError(error) };
  if (error instanceof AlreadyAppliedError) return { state: 'applied', value: stored };
  if (error instanceof OutcomeUnknownError) return { state: 'in_doubt', value: { ...stored, mayBeApplied: true } };
  const ambiguous = base.mayBeApplied || ctx.history.some((h) => h.ambiguous);
  // Refused before processing: a 429, or a 503 naming when to come back. Nothing was applied by it.
  const refusedEarly = error instanceof RateLimitError || (error instanceof ApiError && error.status === 503 && error.retryAfterMs !== undefined);
  // Not recorded as sent, recorded but never handed to the transport (the attempt's time ran out in between), or the
  // last attempt's connection never opened (and no earlier one was ambiguous).
  const neverSent = !sent || ctx.sentAttempt === 0 || (error instanceof ConnectionError && !error.requestSent);
  if (!ambiguous && (neverSent || refusedEarly)) return { state: 'failed', value: { ...stored, definitive: false } };
  const refusal = errorKindOf(error).retry === 'never' || (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408);
  if (!ambiguous && refusal) return { state: 'failed', value: { ...stored, definitive: true } };
  return { state: 'in_doubt', value: { ...stored, mayBeApplied: true } };
}

function attemptsOf(ctx: CallContext, worker: string, ok: boolean): IntentAttempt[] {
  const at = Date.now();
  const failed = ctx.history.map((h) => ({ at, attempt: h.attempt, ambiguous: h.ambiguous, error: h.error ?? null, worker }));
  return ok ? [...failed, { at, attempt: ctx.history.length + 1, ambiguous: false, error: null, worker }] : failed;
}

/** An unsafe intent whose worker stopped after sending: what was sent, for reconciliation. */
function crashedInDoubt(ctx: CallContext, value: IntentValue): OutcomeUnknownError {
  const sentInput = value.input && typeof value.input === 'object' ? (value.input as Record<string, unknown>) : ctx.input;
  const view = { ...ctx, input: sentInput, ...(value.idempotencyKey ? { idempotencyKey: value.idempotencyKey } : {}) } as CallContext;
  return outcomeUnknown(view, new Error(`the worker that sent intent ${value.intentId} stopped before an answer was recorded`), value.attempts.length);
}
