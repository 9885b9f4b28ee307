import { provider } from '@creditkit/fusebill';
import type { MockServer } from '@creditkit/mock';
import { make, type ProviderCase } from '../provider-case.js';

/** Fusebill's seeded Draft purchase: tracked items may be added to it. */
const DRAFT_PURCHASE = 556891;

export const cases: readonly ProviderCase[] = [
  {
    label: 'fusebill',
    id: 'fusebill',
    operation: 'createPurchaseProductItem',
    spec: provider.operations.createPurchaseProductItem!,
    options: {},
    createClient: make(provider),
    // Counted by name, not by the key: a retry that changed the key would show as two items.
    input: (tag) => ({ reference: tag, purchaseId: DRAFT_PURCHASE, name: tag.slice(0, 100) }),
    purchases: (mock, tag) => mock.simulators.fusebill.items.filter((i) => i.name === tag.slice(0, 100)).length,
  },
];

export function liftRateLimits(mock: MockServer): void {
  Object.assign(mock.simulators.fusebill.limits, { perMinute: 1e9, perDay: 1e9 });
}
