// Stage `result` — contract: the call's end, after the retry loop. The typed data, or the loop's typed error, with
// one provider rule applied to a final ProviderError: an answer the provider's `inDoubt` rule reads as both a
// failure and a purchase (2sms `Error` with a purchase `Detail`) becomes an OutcomeUnknownError carrying the whole
// answer and what was sent, so that it never invites a second purchase.
import type { CallContext } from '../context.js';
import { ProviderError } from '../errors.js';
import { outcomeUnknown } from '../plugins/retry.js';

/** A provider's rule for a 2xx that says it failed and yet carries a purchase. */
export type InDoubtRule = (error: ProviderError) => boolean;

export async function result(outcome: Promise<unknown>, ctx: CallContext, inDoubt: InDoubtRule | undefined): Promise<unknown> {
  try {
    return await outcome;
  } catch (error) {
    if (inDoubt && error instanceof ProviderError && inDoubt(error)) throw outcomeUnknown(ctx, error, ctx.history.length, error.body);
    throw error;
  }
}
