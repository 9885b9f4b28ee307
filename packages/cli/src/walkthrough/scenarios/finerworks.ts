// FinerWorks: buy account credits into a cart; then a bad amount, a wrong key, a 429 the client rides out,
// and a 200 whose body says no (an account not authorized for the endpoint). Then a credit transaction in an
// account's ledger; then a bad amount and memo, a wrong key, a withdrawal larger than the balance (a 200 whose
// body says no), a 429 refused before processing (retried), and a lost answer after the entry was written.
import { AuthenticationError, OutcomeUnknownError, ProviderError, ValidationError } from '@creditkit/core';
import { provider } from '@creditkit/finerworks';
import { defineScenario, one429 } from '../scenario.js';

const transaction = { amount: 25, memo: 'walkthrough refund', widthdrawal: false, order_id: 42, account_id: 5150 };

export const finerworks = defineScenario({
  provider,
  success: [
    {
      operation: 'buyAccountCredits',
      input: { amount: 250, cart_id: 'walkthrough-cart' },
      show: (r) => `product_id ${r.product_id} added to cart walkthrough-cart (250 credits)`,
      buys: 1,
    },
    {
      operation: 'createCreditTransaction',
      input: transaction,
      show: (r) => `deposit of 25 recorded in account 5150's ledger as ${r.status.reference_id}`,
      buys: 1,
    },
  ],
  // Cart lines and ledger entries.
  purchases: (mock) => {
    const { carts, ledgers } = mock.simulators.finerworks;
    return [...carts.values(), ...ledgers.values()].reduce((n, lines) => n + lines.length, 0);
  },
  failures: [
    { mode: 'validation', operation: 'buyAccountCredits', input: { amount: 99 }, expect: ValidationError, code: 'amount range, cart_id required', sends: 0, buys: 0 },
    { mode: 'auth', operation: 'buyAccountCredits', input: { amount: 250, cart_id: 'walkthrough-cart' }, client: { appKey: 'not-the-app-key' }, expect: AuthenticationError, code: '401', sends: 1, buys: 0 },
    {
      mode: 'rate limit',
      operation: 'buyAccountCredits',
      input: { amount: 250, cart_id: 'walkthrough-cart' },
      arrange: one429('finerworks'),
      expect: 'recovers',
      // The 429 was refused before processing: the repeat buys once.
      sends: 2,
      buys: 1,
    },
    {
      mode: 'provider error',
      operation: 'buyAccountCredits',
      input: { amount: 250, cart_id: 'walkthrough-cart' },
      // "Only authorized accounts may use this endpoint": the simulator's account is told it may not, for this step.
      arrange: (mock) => {
        mock.simulators.finerworks.endpointAuthorized = false;
        return () => void (mock.simulators.finerworks.endpointAuthorized = true);
      },
      expect: ProviderError,
      code: '403',
      sends: 1,
      buys: 0,
    },
    { mode: 'validation', operation: 'createCreditTransaction', input: { ...transaction, amount: 0, memo: 'x'.repeat(51) }, expect: ValidationError, code: 'amount exclusiveMinimum, memo maxLength', sends: 0, buys: 0 },
    { mode: 'auth', operation: 'createCreditTransaction', input: transaction, client: { appKey: 'not-the-app-key' }, expect: AuthenticationError, code: '401', sends: 1, buys: 0 },
    // Account 5150 holds 525 after the success step: a withdrawal of 5000 is refused in the body, nothing written.
    { mode: 'provider error', operation: 'createCreditTransaction', input: { ...transaction, amount: 5000, widthdrawal: true }, expect: ProviderError, code: '402', sends: 1, buys: 0 },
    { mode: 'rate limit', operation: 'createCreditTransaction', input: transaction, arrange: one429('finerworks', 'credit_transaction'), expect: 'recovers', sends: 2, buys: 1 },
    {
      mode: 'outcome unknown',
      operation: 'createCreditTransaction',
      input: transaction,
      arrange: (mock) => mock.faults.add({ provider: 'finerworks', path: 'credit_transaction', fault: { kind: 'reset-after' } }),
      // The entry was written and the connection dropped before the answer: not idempotent, so not sent again.
      expect: OutcomeUnknownError,
      code: 'after ConnectionError ECONNRESET',
      sends: 1,
      buys: 1,
    },
  ],
});
