import { provider } from '@creditkit/finerworks';
import { make, type ProviderCase } from '../provider-case.js';

export const cases: readonly ProviderCase[] = [
  {
    label: 'finerworks',
    id: 'finerworks',
    operation: 'buyAccountCredits',
    spec: provider.operations.buyAccountCredits!,
    options: {},
    createClient: make(provider),
    input: (tag) => ({ amount: 250, cart_id: tag }),
    purchases: (mock, tag) => mock.simulators.finerworks.carts.get(tag)?.length ?? 0,
  },
  {
    label: 'finerworks credit transaction',
    id: 'finerworks',
    operation: 'createCreditTransaction',
    spec: provider.operations.createCreditTransaction!,
    options: {},
    createClient: make(provider),
    // A deposit into a seeded account, its memo the tag (at most 50 characters).
    input: (tag) => ({ amount: 25, memo: tag.slice(0, 50), widthdrawal: false, order_id: 1, account_id: 5150 }),
    purchases: (mock, tag) => mock.simulators.finerworks.ledgers.get(5150)?.filter((e) => e.memo === tag.slice(0, 50)).length ?? 0,
  },
];
