import { provider } from '@creditkit/accountadmin';
import { make, type ProviderCase } from '../provider-case.js';

// Twice: the JSON and the XML wire format.
export const cases: readonly ProviderCase[] = (['json', 'xml'] as const).map(
  (format): ProviderCase => ({
    label: `accountadmin (${format})`,
    id: 'accountadmin',
    operation: 'purchaseCredits',
    spec: provider.operations.purchaseCredits!,
    options: { format },
    createClient: make(provider),
    // The PurchaseID is left to the client (a fresh key per logical call); the purchase order names the call.
    input: (tag) => ({ Billing: { Company: 'Reliability Ltd', Email: 'ops@example.com' }, PurchaseOrder: tag }),
    // The ledger, not `purchases` (one per PurchaseID): a PurchaseID bought again must count twice.
    purchases: (mock, tag) => mock.simulators.accountadmin.ledger.filter((p) => p.purchaseOrder === tag).length,
  }),
);
