// What every stage and hook sees. The call context lives for one logical call; each attempt gets a child.
import type { Secrets } from './redact.js';
import type { OperationSpec, ProviderSpec } from './spec-types.js';
import type { Codec } from './decode/codec.js';
import type { LogFields, LogLevel } from './plugins/logger.js';
import type { IntentHandle } from './store/intents.js';
import type { CallTrace } from './telemetry/instrumenter.js';

/** Options of one call, given as the last argument of an operation method. */
export interface CallOptions {
  /** Cancels the call at once, also while waiting between retries. */
  signal?: AbortSignal;
  /** Per attempt. */
  timeoutMs?: number;
  /** For the whole call, retries and waits included. */
  totalTimeoutMs?: number;
  maxRetries?: number;
  /** Overrides the generated idempotency key of an operation that has one. */
  idempotencyKey?: string;
  /** Extra request headers for this call. */
  headers?: Record<string, string>;
  /**
   * Your own id for this purchase (an order id). The client's `store` keeps the intent: called again with the same
   * id, an applied purchase returns its stored result and a refused one its error, with nothing sent; one in doubt
   * is resent with the same idempotency key when the operation has one, and never resent when it has none
   * (README, "Running many workers").
   */
  intentId?: string;
}

/** One failed attempt of a call, as the retry stage records it. */
export interface AttemptRecord {
  attempt: number;
  /** The request may have been processed, and no answer says how. */
  ambiguous: boolean;
  error?: string;
}

/** What hooks and stages see of one logical call, across its attempts. */
export interface CallContext {
  readonly provider: ProviderSpec;
  readonly operation: OperationSpec;
  readonly options: Required<Pick<CallOptions, 'maxRetries' | 'timeoutMs'>> & CallOptions;
  readonly secrets: Secrets;
  readonly codecs: Readonly<Record<string, Codec>>;
  /** Epoch ms by which the whole call must end, when `totalTimeoutMs` is set. */
  readonly deadline?: number;
  /** The failed attempts so far (the retry stage records them). */
  readonly history: readonly AttemptRecord[];
  /** The input as it is sent: the caller's, with the idempotency key filled in by the key stage. */
  readonly input: Record<string, unknown>;
  /** The operation's idempotency key for this call, when it has one (the key stage sets it once). */
  readonly idempotencyKey?: string;
  /** The number of the last attempt whose request was handed to the send stage (0: none yet). */
  readonly sentAttempt: number;
  /** The purchase intent this call holds (call option `intentId`); the key stage sets it. */
  readonly intent?: IntentHandle;
  /** The call's trace, when an instrumenter is set (client option `telemetry`, or `useOpenTelemetry()`). */
  readonly trace?: CallTrace;
  /** Writes a log line for this call through the client's logger. */
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

/**
 * The fields only their stage writes (key: `input`, `idempotencyKey`, `intent`; send: `sentAttempt`; retry: `history`): read-only
 * to everything else, hooks included, since the retry rules trust them.
 */
export type CallState = { -readonly [K in 'input' | 'idempotencyKey' | 'sentAttempt' | 'intent']: CallContext[K] } & { readonly history: AttemptRecord[] };

/** What hooks and stages see of one attempt: the call's context plus this attempt's number and signal. */
export interface AttemptContext extends CallContext {
  /** 1 for the first try. */
  readonly attempt: number;
  /** The logical call this attempt belongs to (where `sentAttempt` is recorded). */
  readonly call: CallContext;
  /** Aborts this attempt: the caller's signal, the attempt timeout and the call deadline together. */
  signal?: AbortSignal;
}

/** The writable view of a call's stage-owned fields, for the stage that owns each. */
export const callState = (ctx: CallContext): CallState => ctx as unknown as CallState;
