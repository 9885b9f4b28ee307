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
];

export function liftRateLimits(mock: MockServer): void {
  mock.simulators.softwaredna.settings.requestsPerPeriod = 1e9;
}
