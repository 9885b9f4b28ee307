// 2sms AccountAdmin: buy credits (an OAuth2 token first, then the purchase keyed by PurchaseID); then a
// PurchaseID that is not a GUID and a misspelt field, a refused client secret, a purchase without billing
// details (HTTP 200 with an `Error`), and a 429 the client rides out with the same PurchaseID.
import { AuthenticationError, ProviderError, ValidationError } from '@creditkit/core';
import { provider } from '@creditkit/accountadmin';
import { defineScenario, one429 } from '../scenario.js';

const purchase = { Billing: { Email: 'ops@example.com', Company: 'Example Ltd' }, PurchaseOrder: 'PO-walkthrough' };

export const accountadmin = defineScenario({
  provider,
  success: {
    operation: 'purchaseCredits',
    input: purchase,
    show: (r) => `${r.ResponseData?.Result ?? '?'}: ${r.ResponseData?.Detail?.Quantity ?? '?'} credits, invoice ${r.ResponseData?.Detail?.InvoiceNumber ?? '?'}`,
    buys: 1,
  },
  purchases: (mock) => mock.simulators.accountadmin.purchases.size,
  failures: [
    { mode: 'validation', operation: 'purchaseCredits', input: { PurchaseID: 'PO-7', Billing: { Emial: 'ops@example.com' } }, expect: ValidationError, code: 'Billing.Emial additionalProperties, PurchaseID pattern', sends: 0, buys: 0 },
    { mode: 'auth', operation: 'purchaseCredits', input: purchase, client: { clientSecret: 'not-the-client-secret' }, expect: AuthenticationError, code: '400', sends: 0, buys: 0 },
    { mode: 'provider error', operation: 'purchaseCredits', input: { PurchaseOrder: 'PO-7' }, expect: ProviderError, code: 'BillingRequired', sends: 1, buys: 0 },
    {
      mode: 'rate limit',
      operation: 'purchaseCredits',
      input: purchase,
      // Only the purchase: the token request comes first and should go through.
      arrange: one429('accountadmin', 'PurchaseCredits'),
      expect: 'recovers',
      // The repeat carries the same PurchaseID: one purchase.
      sends: 2,
      buys: 1,
    },
  ],
});
