import type { MockServer } from '@creditkit/mock';
import { provider } from '@creditkit/softwaredna';
import { make, type ProviderCase } from '../provider-case.js';

export const cases: readonly ProviderCase[] = [
  {
    label: 'softwaredna',
    id: 'softwaredna',
    operation: 'queryCredits',
    spec: provider.operations.queryCredits!,
    options: {},
    createClient: make(provider),
    input: () => ({ productId: 'P0001234', licenseId: 'TEST12345', Target: 'ALL', UserIp: '203.0.113.7' }),
  },
  {
    label: 'softwaredna consume',
    id: 'softwaredna',
    operation: 'consumeCredits',
    spec: provider.operations.consumeCredits!,
    options: {},
    createClient: make(provider),
    // Count 0 of a credit named after the tag: always enough held, so every call is applied and counted by name.
    input: (tag) => ({ productId: 'P0001234', licenseId: 'TEST12345', Name: tag, Count: 0, Target: 'ALL', UserIp: '203.0.113.7' }),
    purchases: (mock, tag) => mock.simulators.softwaredna.consumptions.filter((c) => c.Name === tag).length,
  },
];

export function liftRateLimits(mock: MockServer): void {
  mock.simulators.softwaredna.settings.requestsPerPeriod = 1e9;
}
