// The intent around one call (call option `intentId`, client option `store`): part of stage `key` (the intent is
// claimed, or its stored end replayed, before the key is chosen and before anything is sent) and of stage
// `result` (the intent records how the call ended). The rules are store/intents.ts.
import type { CallContext } from '../context.js';
import { ConnectionError, CreditkitError, ValidationError } from '../errors.js';
import { type IntentEnv, type IntentHandle, openIntent } from '../store/intents.js';

const MAX_INTENT_ID = 256;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what an intent id must not hold (it is printed by the CLI and logged).
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The held intent, or the replayed end (a value, or a throw) of one that needs no send. */
export async function claimIntent(env: IntentEnv, ctx: CallContext, input: Record<string, unknown>, intentId: unknown): Promise<{ held: IntentHandle } | { replay: () => unknown }> {
  const who = { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets };
  if (typeof intentId !== 'string' || intentId.length === 0 || intentId.length > MAX_INTENT_ID || CONTROL.test(intentId)) {
    throw new ValidationError([{ path: 'intentId', rule: 'intentId', message: `the intentId call option must be a string of 1 to ${MAX_INTENT_ID} characters without control characters` }], who);
  }
  try {
    return await openIntent(env, ctx, input, intentId);
  } catch (error) {
    if (error instanceof CreditkitError) throw error;
    if (ctx.options.signal?.aborted) throw error;
    // The store could not be read or written: nothing was sent.
    throw new ConnectionError(`The state store (${env.store.name}) failed while claiming intent ${intentId}; nothing was sent`, { ...who, requestSent: false, code: 'STORE_UNAVAILABLE', cause: error });
  }
}

/** Runs the call's outcome to its end and records it on the intent; the outcome is returned or thrown as it was. */
export async function settleIntent(intent: IntentHandle, ctx: CallContext, outcome: Promise<unknown>): Promise<unknown> {
  let data: unknown;
  try {
    data = await outcome;
  } catch (error) {
    await intent.settle(ctx, { ok: false, error });
    throw error;
  }
  await intent.settle(ctx, { ok: true, data });
  return data;
}
