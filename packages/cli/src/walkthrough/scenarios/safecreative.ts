// Safe Creative: open a sale (a signed query-string RPC answered in XML); then an unknown service with only
// one return URL, a wrong private key (the server answers HTTP 200 with an <error>), a 429 the client rides
// out, and an unreadable answer to the sale: it may have been made, so it is not sent again (exit 8).
import { OutcomeUnknownError, ProviderError, ValidationError } from '@creditkit/core';
import { provider } from '@creditkit/safecreative';
import { defineScenario, one429 } from '../scenario.js';

const sale = { service: 'PROFESSIONAL', returnurl: 'https://example.com/sale-done', cancelurl: 'https://example.com/sale-cancelled' } as const;

export const safecreative = defineScenario({
  provider,
  success: {
    operation: 'userNewSale',
    input: sale,
    show: (r) => `sale ${r.code} ${r.status}${r.paymentlink ? ', payment link issued' : ''}`,
    buys: 1,
  },
  purchases: (mock) => mock.simulators.safecreative.sales.size,
  failures: [
    { mode: 'validation', operation: 'userNewSale', input: { service: 'GOLD', returnurl: sale.returnurl }, expect: ValidationError, code: 'cancelurl dependentRequired, service enum', sends: 0, buys: 0 },
    { mode: 'auth', operation: 'userNewSale', input: sale, client: { privateKey: 'notthekey00000000000000x' }, expect: ProviderError, code: 'InvalidSignature (refused: authentication)', sends: 1, buys: 0 },
    { mode: 'provider error', operation: 'userNewSale', input: { ...sale, promotioncode: 'NOSUCHCODE' }, expect: ProviderError, code: 'InvalidParameter', sends: 1, buys: 0 },
    {
      mode: 'rate limit',
      operation: 'userNewSale',
      input: sale,
      arrange: one429('safecreative'),
      expect: 'recovers',
      sends: 2,
      buys: 1,
    },
    {
      mode: 'outcome unknown',
      operation: 'userNewSale',
      input: sale,
      arrange: (mock) => mock.faults.add({ provider: 'safecreative', fault: { kind: 'malformed-after' } }),
      expect: OutcomeUnknownError,
      // The sale was made and its answer lost: it exists once, and is not sent again.
      code: 'after DecodeError',
      sends: 1,
      buys: 1,
    },
  ],
});
