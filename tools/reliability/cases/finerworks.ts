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
];
