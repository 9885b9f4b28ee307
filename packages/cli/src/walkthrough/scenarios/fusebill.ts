// Fusebill: add a tracked item to a draft purchase; then a too-long reference, a wrong key, a purchase no
// longer in Draft, a 429 the client rides out, and a connection reset after the item was added: the retry
// with the same reference is refused, so the item exists once (AlreadyAppliedError), never twice.
import { AlreadyAppliedError, AuthenticationError, ConflictError, ValidationError } from '@creditkit/core';
import { provider } from '@creditkit/fusebill';
import { defineScenario, one429 } from '../scenario.js';

export const fusebill = defineScenario({
  provider,
  success: {
    operation: 'createPurchaseProductItem',
    input: { purchaseId: 556891, reference: 'walkthrough-1', name: 'license code' },
    show: (r) => `tracked item ${r.id} '${r.reference}' on purchase ${r.purchaseId} (${r.status})`,
    buys: 1,
  },
  purchases: (mock) => mock.simulators.fusebill.items.length,
  failures: [
    { mode: 'validation', operation: 'createPurchaseProductItem', input: { purchaseId: '556891', reference: 'r'.repeat(256) }, expect: ValidationError, code: 'purchaseId type, reference maxLength', sends: 0, buys: 0 },
    { mode: 'auth', operation: 'createPurchaseProductItem', input: { purchaseId: 556891, reference: 'walkthrough-2' }, client: { apiKey: 'MDpXUk9ORy1LRVk=' }, expect: AuthenticationError, code: '401', sends: 1, buys: 0 },
    // Purchase 556892 is already Purchased.
    { mode: 'conflict', operation: 'createPurchaseProductItem', input: { purchaseId: 556892, reference: 'walkthrough-2' }, expect: ConflictError, code: '409', sends: 1, buys: 0 },
    {
      mode: 'rate limit',
      operation: 'createPurchaseProductItem',
      input: { purchaseId: 556891, reference: 'walkthrough-3' },
      arrange: one429('fusebill'),
      expect: 'recovers',
      sends: 2,
      buys: 1,
    },
    {
      mode: 'already applied',
      operation: 'createPurchaseProductItem',
      input: { purchaseId: 556891, reference: 'walkthrough-4' },
      arrange: (mock) => mock.faults.add({ provider: 'fusebill', fault: { kind: 'reset-after' } }),
      expect: AlreadyAppliedError,
      // The repeat, same reference, met the item the first attempt made: it exists once.
      code: 'after ConflictError 409',
      sends: 2,
      buys: 1,
    },
  ],
});
