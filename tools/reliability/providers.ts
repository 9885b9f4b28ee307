// The five providers as the reliability tests and the soak drive them: one valid call each (tagged, so the
// simulator's state can be searched for what one logical call bought), and how to count those purchases.
import { provider as accountadmin } from '@creditkit/accountadmin';
import type { ClientOptions, OperationSpec } from '@creditkit/core';
import { provider as finerworks } from '@creditkit/finerworks';
import { provider as fusebill } from '@creditkit/fusebill';
import type { MockServer, SimulatorId } from '@creditkit/mock';
import { provider as safecreative } from '@creditkit/safecreative';
import { provider as softwaredna } from '@creditkit/softwaredna';

export type Operation = (input: unknown, options?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<unknown>;

export interface ProviderCase {
  /** Unique per case (2sms runs twice: JSON and XML). */
  label: string;
  id: SimulatorId;
  operation: string;
  spec: OperationSpec;
  /** Client options of the case's own (the wire format). */
  options: Record<string, unknown>;
  createClient(options: Record<string, unknown>): Record<string, Operation>;
  /** A valid input; `tag` (unique per logical call) ends up in the simulator's record of the purchase. */
  input(tag: string): Record<string, unknown>;
  /** What the simulator recorded for `tag`: purchases, items, sales. Undefined for a read-only query. */
  purchases?(mock: MockServer, tag: string): number;
}

/** Fusebill's seeded Draft purchase: tracked items may be added to it. */
const DRAFT_PURCHASE = 556891;

const make = (p: { createClient(options?: never): unknown }) => (options: Record<string, unknown>) => p.createClient(options as never) as Record<string, Operation>;

export const CASES: readonly ProviderCase[] = [
  {
    label: 'finerworks',
    id: 'finerworks',
    operation: 'buyAccountCredits',
    spec: finerworks.operations.buyAccountCredits!,
    options: {},
    createClient: make(finerworks),
    input: (tag) => ({ amount: 250, cart_id: tag }),
    purchases: (mock, tag) => mock.simulators.finerworks.carts.get(tag)?.length ?? 0,
  },
  {
    label: 'fusebill',
    id: 'fusebill',
    operation: 'createPurchaseProductItem',
    spec: fusebill.operations.createPurchaseProductItem!,
    options: {},
    createClient: make(fusebill),
    // Counted by name, not by the key: a retry that changed the key would show as two items.
    input: (tag) => ({ reference: tag, purchaseId: DRAFT_PURCHASE, name: tag.slice(0, 100) }),
    purchases: (mock, tag) => mock.simulators.fusebill.items.filter((i) => i.name === tag.slice(0, 100)).length,
  },
  {
    label: 'softwaredna',
    id: 'softwaredna',
    operation: 'queryCredits',
    spec: softwaredna.operations.queryCredits!,
    options: {},
    createClient: make(softwaredna),
    input: () => ({ productId: 'P0001234', licenseId: 'TEST12345', Target: 'ALL', UserIp: '203.0.113.7' }),
  },
  ...(['json', 'xml'] as const).map(
    (format): ProviderCase => ({
      label: `accountadmin (${format})`,
      id: 'accountadmin',
      operation: 'purchaseCredits',
      spec: accountadmin.operations.purchaseCredits!,
      options: { format },
      createClient: make(accountadmin),
      // The PurchaseID is left to the client (a fresh key per logical call); the purchase order names the call.
      input: (tag) => ({ Billing: { Company: 'Reliability Ltd', Email: 'ops@example.com' }, PurchaseOrder: tag }),
      // The ledger, not `purchases` (one per PurchaseID): a PurchaseID bought again must count twice.
      purchases: (mock, tag) => mock.simulators.accountadmin.ledger.filter((p) => p.purchaseOrder === tag).length,
    }),
  ),
  {
    label: 'safecreative',
    id: 'safecreative',
    operation: 'userNewSale',
    spec: safecreative.operations.userNewSale!,
    options: {},
    createClient: make(safecreative),
    input: (tag) => ({ service: 'PROFESSIONAL', returnurl: `https://shop.example/back/${encodeURIComponent(tag)}`, cancelurl: 'https://shop.example/cancel' }),
    purchases: (mock, tag) => [...mock.simulators.safecreative.sales.values()].filter((s) => s.returnurl === `https://shop.example/back/${encodeURIComponent(tag)}`).length,
  },
];

/** A client of `c` against the simulators, with their credentials. */
export function clientFor(c: ProviderCase, mock: MockServer, options: ClientOptions & Record<string, unknown> = {}): Operation {
  const client = c.createClient({ ...mock.credentials[c.id], baseUrl: mock.url(c.id), ...c.options, ...options });
  return client[c.operation]!;
}

/** Lifts the simulators' rate budgets (reset() restores them), so a burst of calls waits on faults only. */
export function liftRateLimits(mock: MockServer): void {
  Object.assign(mock.simulators.fusebill.limits, { perMinute: 1e9, perDay: 1e9 });
  mock.simulators.softwaredna.settings.requestsPerPeriod = 1e9;
}
