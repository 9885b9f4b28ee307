// A 2sms answer that fills `Error` AND carries a purchase `Detail` (the help page's own sample) says both "failed"
// and "here is your purchase". Reported as a plain failure it would invite a second purchase, so it is in doubt:
// an OutcomeUnknownError whose reconcile carries the whole answer (both parts) and the PurchaseID sent. Core's
// result stage applies this rule to the call's final ProviderError (the retry loop never retries one).
import type { InDoubtRule } from '@creditkit/core/internal';

export const answerInDoubt: InDoubtRule = (error) => hasPurchaseDetail(error.body);

function hasPurchaseDetail(body: unknown): boolean {
  const detail = (body as { ResponseData?: { Detail?: unknown } } | undefined)?.ResponseData?.Detail;
  return typeof detail === 'object' && detail !== null && Object.keys(detail).length > 0;
}
