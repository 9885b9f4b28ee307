// FinerWorks: buy account credits into a cart; then a bad amount, a wrong key, a 429 the client rides out,
// and a 200 whose body says no (an account not authorized for the endpoint).
import { AuthenticationError, ProviderError, ValidationError } from '@creditkit/core';
import { provider } from '@creditkit/finerworks';
import { defineScenario, one429 } from '../scenario.js';

export const finerworks = defineScenario({
  provider,
  success: {
    operation: 'buyAccountCredits',
    input: { amount: 250, cart_id: 'walkthrough-cart' },
    show: (r) => `product_id ${r.product_id} added to cart walkthrough-cart (250 credits)`,
    buys: 1,
  },
  purchases: (mock) => [...mock.simulators.finerworks.carts.values()].reduce((n, lines) => n + lines.length, 0),
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
      // "Only authorized accounts may use this endpoint": the simulator's account is told it may not (last step).
      arrange: (mock) => void (mock.simulators.finerworks.endpointAuthorized = false),
      expect: ProviderError,
      code: '403',
      sends: 1,
      buys: 0,
    },
  ],
});
