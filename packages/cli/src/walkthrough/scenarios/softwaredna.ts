// software_DNA: query a license's credits (a GET with a JSON body); then a malformed IP and Target, a wrong
// key, an unknown license, and a 429 the client rides out.
import { AuthenticationError, NotFoundError, ValidationError } from '@creditkit/core';
import { provider } from '@creditkit/softwaredna';
import { defineScenario, one429 } from '../scenario.js';

const query = { productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9' } as const;

export const softwaredna = defineScenario({
  provider,
  success: {
    operation: 'queryCredits',
    input: query,
    show: (credits) => `license TEST12345 holds ${credits.map((c) => `${c.Count} ${c.Name}`).join(', ')} credits`,
    // A query: it buys nothing.
    buys: 0,
  },
  purchases: () => 0,
  failures: [
    { mode: 'validation', operation: 'queryCredits', input: { ...query, UserIp: '203.0.113.300', Target: 'BOTH' }, expect: ValidationError, code: 'Target enum, UserIp anyOf', sends: 0, buys: 0 },
    { mode: 'auth', operation: 'queryCredits', input: query, client: { apiKey: 'WRONGDNAAPIKEY0000000001' }, expect: AuthenticationError, code: '401', sends: 1, buys: 0 },
    { mode: 'not found', operation: 'queryCredits', input: { ...query, licenseId: 'NOPE00000000000' }, expect: NotFoundError, code: '404', sends: 1, buys: 0 },
    {
      mode: 'rate limit',
      operation: 'queryCredits',
      input: query,
      arrange: one429('softwaredna'),
      expect: 'recovers',
      sends: 2,
      buys: 0,
    },
  ],
});
