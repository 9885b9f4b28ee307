// A 2sms answer that fills `Error` AND carries a purchase `Detail` (the help page's own sample) says both "failed"
// and "here is your purchase". Reported as a plain failure it would invite a second purchase, so it is in doubt:
// an OutcomeUnknownError whose reconcile carries the whole answer (both parts) and the PurchaseID sent.
import { type CallPlugin, outcomeUnknown, ProviderError } from '@creditkit/core';

export function inDoubtAnswerPlugin(): CallPlugin {
  return {
    name: 'accountadmin:in-doubt-answer',
    phase: 'call',
    // Outside the retry loop (which never retries a ProviderError): it sees the call's final answer.
    after: ['idempotency'],
    before: ['retry'],
    middleware: async (input, next, ctx) => {
      try {
        return await next(input);
      } catch (error) {
        if (error instanceof ProviderError && hasPurchaseDetail(error.body)) throw outcomeUnknown(ctx, error, ctx.history.length, error.body);
        throw error;
      }
    },
  };
}

function hasPurchaseDetail(body: unknown): boolean {
  const detail = (body as { ResponseData?: { Detail?: unknown } } | undefined)?.ResponseData?.Detail;
  return typeof detail === 'object' && detail !== null && Object.keys(detail).length > 0;
}
