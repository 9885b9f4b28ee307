// software_DNA: query a license's credits (a GET with a JSON body); then a malformed IP and Target, a wrong
// key, an unknown license, and a 429 the client rides out. Then consume credits from the same ledger (license
// first, then the buyer email for ALL); then a bad Count, a wrong key, more than is held (the vendor's 403), a
// 429 refused before processing (retried), and an answer lost after the credits were taken (never resent).
import { AuthenticationError, NotFoundError, OutcomeUnknownError, PermissionDeniedError, ValidationError } from '@creditkit/core';
import { provider } from '@creditkit/softwaredna';
import { defineScenario, one429 } from '../scenario.js';

const query = { productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9' } as const;
const consume = { ...query, Target: 'ALL', Name: 'Reports', Count: 1 } as const;

export const softwaredna = defineScenario({
  provider,
  success: [
    {
      operation: 'queryCredits',
      input: query,
      show: (credits) => `license TEST12345 holds ${credits.map((c) => `${c.Count} ${c.Name}`).join(', ')} credits`,
      // A query: it takes nothing.
      buys: 0,
    },
    {
      operation: 'consumeCredits',
      input: consume,
      show: (credits) => `took 1 Reports: now ${credits.map((c) => `${c.Count} on the ${c.Target.toLowerCase()}`).join(', ')}`,
      buys: 1,
    },
  ],
  // Consume calls the simulator applied.
  purchases: (mock) => mock.simulators.softwaredna.consumptions.length,
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
    { mode: 'validation', operation: 'consumeCredits', input: { ...consume, Name: '', Count: 20_001 }, expect: ValidationError, code: 'Count range, Name minLength', sends: 0, buys: 0 },
    { mode: 'auth', operation: 'consumeCredits', input: consume, client: { apiKey: 'WRONGDNAAPIKEY0000000001' }, expect: AuthenticationError, code: '401', sends: 1, buys: 0 },
    // The license holds far fewer than this: nothing is taken.
    { mode: 'insufficient credits', operation: 'consumeCredits', input: { ...consume, Target: 'LICENSE', Count: 20_000 }, expect: PermissionDeniedError, code: '403', sends: 1, buys: 0 },
    // The 429 was refused before processing: the repeat takes once.
    { mode: 'rate limit', operation: 'consumeCredits', input: consume, arrange: one429('softwaredna', 'consume'), expect: 'recovers', sends: 2, buys: 1 },
    {
      mode: 'outcome unknown',
      operation: 'consumeCredits',
      input: consume,
      arrange: (mock) => mock.faults.add({ provider: 'softwaredna', path: 'consume', fault: { kind: 'reset-after' } }),
      // The credits were taken and the connection dropped before the answer: not idempotent, so not sent again.
      expect: OutcomeUnknownError,
      code: 'after ConnectionError ECONNRESET',
      sends: 1,
      buys: 1,
    },
  ],
});
