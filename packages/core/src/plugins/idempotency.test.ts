// The key policy on the wire: which operations get a key, which key is sent, and what an unknown outcome says
// about it (the reconcile input and hint a caller uses before resending by hand).
import { describe, expect, it } from 'vitest';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { createClient } from '../client.js';
import { OutcomeUnknownError } from '../errors.js';
import type { OperationSpec } from '../spec-types.js';

const server = useTinyMock();
const client = () => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), retry: { baseDelayMs: 1, maxDelayMs: 5 } });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);
const bodies = () => server.mock.requests.map((r) => JSON.parse(r.body || 'null'));

/** An unsafe purchase that names a key field without a generator (like 2sms `PurchaseID`). */
const buyWithRef = { ...tinyOperations.buyKeyed, id: 'buyWithRef', idempotency: { kind: 'unsafe', field: 'key' } } satisfies OperationSpec;
/** An unsafe purchase whose key field the client fills when the caller leaves it out. */
const buyGenerated = { ...tinyOperations.buyKeyed, id: 'buyGenerated', idempotency: { kind: 'unsafe', field: 'key', generate: 'uuid' } } satisfies OperationSpec;
/** A read whose rule (wrongly) names a key field: a safe operation is never keyed. */
const lookup = {
  ...tinyOperations.getBalance,
  id: 'lookup',
  idempotency: { kind: 'safe', field: 'ref', generate: 'uuid' },
  fields: [{ name: 'account', in: 'path' }, { name: 'ref', in: 'query' }],
} satisfies OperationSpec;

describe('idempotency key', () => {
  it('invents no key for a safe operation, even one whose rule names a field', async () => {
    await client().call(lookup, { account: 'z' }, { idempotencyKey: 'order-1' });
    await client().call(lookup, { account: 'z' });
    expect(server.mock.requests.map((r) => r.query)).toEqual([{}, {}]);
  });

  it('does not send or claim a caller key on an operation without a key field', async () => {
    server.mock.faults.add({ provider: 'tiny', path: '/buy', fault: { kind: 'reset-after' } });
    const error = await fail(client().call(tinyOperations.buyUnsafe, { credits: 4 }, { idempotencyKey: 'order-2' }));
    expect(bodies()).toEqual([{ credits: 4 }]);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).reconcile.input).toEqual({ credits: 4 });
    expect((error as OutcomeUnknownError).reconcile.hint).toBe('Check the Tiny account for this request before sending it again.');
  });

  it('sends no key when the field has no generator and the caller gave none, and says so when in doubt', async () => {
    server.mock.faults.add({ provider: 'tiny', path: '/buy-keyed', fault: { kind: 'reset-after' } });
    const error = await fail(client().call(buyWithRef, { credits: 5 }));
    expect(bodies()).toEqual([{ credits: 5 }]);
    expect((error as OutcomeUnknownError).reconcile).toMatchObject({ input: { credits: 5 }, hint: 'Check the Tiny account for this request before sending it again.' });
  });

  it('names the caller key of an unsafe purchase in the unknown outcome, for a deliberate resend', async () => {
    server.mock.faults.add({ provider: 'tiny', path: '/buy-keyed', fault: { kind: 'reset-after' } });
    const error = await fail(client().call(buyWithRef, { credits: 6 }, { idempotencyKey: 'order-3' }));
    expect(bodies()).toEqual([{ credits: 6, key: 'order-3' }]);
    expect((error as OutcomeUnknownError).reconcile).toMatchObject({
      input: { credits: 6, key: 'order-3' },
      hint: 'Check the Tiny account for key order-3 before sending it again; a resend should reuse that key.',
    });
  });

  it('shows the generated key it sent in the reconcile input', async () => {
    server.mock.faults.add({ provider: 'tiny', path: '/buy-keyed', fault: { kind: 'reset-after' } });
    const error = await fail(client().call(buyGenerated, { credits: 7 }));
    const [sent] = bodies();
    expect(sent.key).toMatch(/^[0-9a-f-]{36}$/);
    expect((error as OutcomeUnknownError).reconcile.input).toEqual({ credits: 7, key: sent.key });
    expect((error as OutcomeUnknownError).reconcile.hint).toContain(`key ${sent.key}`);
  });
});
