import { provider } from '@creditkit/safecreative';
import { make, type ProviderCase } from '../provider-case.js';

export const cases: readonly ProviderCase[] = [
  {
    label: 'safecreative',
    id: 'safecreative',
    operation: 'userNewSale',
    spec: provider.operations.userNewSale!,
    options: {},
    createClient: make(provider),
    input: (tag) => ({ service: 'PROFESSIONAL', returnurl: `https://shop.example/back/${encodeURIComponent(tag)}`, cancelurl: 'https://shop.example/cancel' }),
    purchases: (mock, tag) => [...mock.simulators.safecreative.sales.values()].filter((s) => s.returnurl === `https://shop.example/back/${encodeURIComponent(tag)}`).length,
  },
];
