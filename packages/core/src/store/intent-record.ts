// What the store keeps per purchase intent (the caller's `intentId`), under key `intent:<id>` in the provider
// account's scope. The CLI's `creditkit intents` reads and resolves these records; store/intents.ts writes them.
//
//   claimed -> sent -> applied | failed | in_doubt
//
// `claimed`: a worker took the intent and had not handed the request to the transport (provably never sent).
// `sent`: the request was handed over (written before it leaves); a worker that dies here leaves it in doubt.
import type { StoredValue } from './state-store.js';

/** The states of a purchase intent: `claimed` -> `sent` -> `applied` | `failed` | `in_doubt`. */
export const INTENT_STATES = ['claimed', 'sent', 'applied', 'failed', 'in_doubt'] as const;
/** One of {@link INTENT_STATES}. */
export type IntentState = (typeof INTENT_STATES)[number];

/** The record key of an intent within its scope. */
export const intentKey = (intentId: string) => `intent:${intentId}`;
/** The prefix `list` takes to find intents. */
export const INTENT_PREFIX = 'intent:';

/** A failed or doubtful end, as stored: enough to raise the same typed error again. Scrubbed of secrets. */
export interface StoredError {
  readonly [key: string]: StoredValue;
  /** The error class name (`ProviderError`, `OutcomeUnknownError`…). */
  readonly name: string;
  readonly message: string;
  /** The error's own fields (status, code, body, issues, reconcile…), as its toJSON gives them. */
  readonly fields: { readonly [key: string]: StoredValue };
}

/** One attempt of an intent's purchase, as the store keeps it. */
export interface IntentAttempt {
  readonly [key: string]: StoredValue;
  /** Epoch ms the attempt ended. */
  readonly at: number;
  readonly attempt: number;
  readonly ambiguous: boolean;
  /** The error class of a failed attempt. */
  readonly error: string | null;
  /** The worker (owner id) that made it. */
  readonly worker: string;
}

/**
 * What the store keeps per purchase intent (the caller's `intentId`), under key `intent:<id>` in the provider
 * account's scope.
 */
export interface IntentValue {
  readonly [key: string]: StoredValue | undefined;
  readonly intentId: string;
  readonly provider: string;
  readonly operation: string;
  /** SHA-256 (hex) of the caller's input in canonical JSON, the idempotency key field left out. */
  readonly fingerprint: string;
  /** The input as sent (the key filled in), scrubbed: what a reconciliation looks for. */
  readonly input: StoredValue;
  /** The operation's idempotency key, fixed at the first claim and reused by every resend of the intent. */
  readonly idempotencyKey: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly attempts: readonly IntentAttempt[];
  /** An earlier send of this intent may have been applied (it was in doubt once): a 409 on its key means done. */
  readonly mayBeApplied: boolean;
  /** `applied`: the decoded result, scrubbed. */
  readonly result?: StoredValue;
  /** `failed` / `in_doubt`: the error it ended with. */
  readonly error?: StoredError;
  /** `failed`: true for a refusal that a resend would meet again (a 4xx, a body-level error, bad input). */
  readonly definitive?: boolean;
  /** Set when a person recorded the outcome (`creditkit intents resolve`). */
  readonly resolution?: { readonly by: 'manual'; readonly at: number; readonly note: string | null };
}
