// Whether 2sms answers a repeated PurchaseID with the original purchase is a GUESS (FACTS §6 "2sms" #3). So a
// purchase is unsafe by default: never resent after an ambiguous failure. `purchaseIdDeduplicated: true` is the
// user's assertion, for an account where 2sms confirmed it, that turns the operation into "idempotent by key":
// retried after an ambiguous failure, always with the same PurchaseID.
import { ConfigurationError, type OperationSpec } from '@creditkit/core';

export interface PurchaseIdOption {
  purchaseIdDeduplicated?: boolean;
}

/** The operations as they are when a repeated PurchaseID is known to be answered with the original purchase. */
export function withDeduplicatedPurchaseId<T extends Readonly<Record<string, OperationSpec>>>(operations: T): T {
  const keyed = Object.entries(operations).map(([name, op]) => [name, op.idempotency.field === 'PurchaseID' ? { ...op, idempotency: { ...op.idempotency, kind: 'key' } } : op]);
  return Object.fromEntries(keyed) as T;
}

/** True only for an explicit `true`: anything else that is not `false`/absent is a mistake worth stopping on. */
export function assertsDeduplication(options: PurchaseIdOption | undefined): boolean {
  const value = options?.purchaseIdDeduplicated;
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  throw new ConfigurationError(`2sms AccountAdmin: purchaseIdDeduplicated must be true or false (got ${typeof value})`, { provider: 'accountadmin' });
}
