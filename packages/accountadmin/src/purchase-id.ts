// Whether 2sms answers a repeated PurchaseID with the original purchase is a GUESS (FACTS §6 "2sms" #3). So a
// purchase is unsafe by default: never resent after an ambiguous failure. `purchaseIdDeduplicated: true` is the
// user's assertion, for an account where 2sms confirmed it, that turns the operation into "idempotent by key":
// retried after an ambiguous failure, always with the same PurchaseID.
import { type Client, ConfigurationError, type OperationSpec } from '@creditkit/core';

export interface PurchaseIdOption {
  purchaseIdDeduplicated?: boolean;
}

/**
 * The client as it is when a repeated PurchaseID is known to be answered with the original purchase: every call of
 * an operation keyed by PurchaseID runs as "idempotent by key".
 */
export function withDeduplicatedPurchaseId(client: Client): Client {
  const asserted = (op: OperationSpec): OperationSpec => (op.idempotency.field === 'PurchaseID' ? { ...op, idempotency: { ...op.idempotency, kind: 'key' } } : op);
  return { ...client, call: (operation, input, options) => client.call(asserted(operation), input, options) };
}

/** True only for an explicit `true`: anything else that is not `false`/absent is a mistake worth stopping on. */
export function assertsDeduplication(options: PurchaseIdOption | undefined): boolean {
  const value = options?.purchaseIdDeduplicated;
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  throw new ConfigurationError(`2sms AccountAdmin: purchaseIdDeduplicated must be true or false (got ${typeof value})`, { provider: 'accountadmin', option: 'purchaseIdDeduplicated' });
}
