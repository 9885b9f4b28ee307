// A tracked item's typed result is the documented item or the call fails. The call is idempotent by
// `reference`: an unreadable 2xx is retried with the same reference, whose 409 then proves the first attempt
// was applied (AlreadyAppliedError), with one item server-side.
import { AlreadyAppliedError, ConflictError } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createFusebillClient } from './index.js';
import { operations } from './generated/provider.js';

const mock = useMockServer({ providers: ['fusebill'] });
const client = () => createFusebillClient({ ...mock.credentials.fusebill, baseUrl: mock.url('fusebill'), retry: { random: () => 0 } });

describe('Fusebill decoded results', () => {
  it.each(['{}', 'null', '{"id":"242593","reference":"r","purchaseId":556891}', '{"id":9007199254740993}'])(
    'an item answered %s is read as applied-but-unreadable: the retry with the same reference ends in AlreadyAppliedError, one item',
    async (body) => {
      mock.faults.add({ provider: 'fusebill', fault: { kind: 'content-type', contentType: 'application/json', body } });
      const error = await client().createPurchaseProductItem({ purchaseId: 556891, reference: 'once-only' }).then(
        (r) => expect.unreachable(`resolved to ${JSON.stringify(r)}`),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AlreadyAppliedError);
      expect(error).toMatchObject({ idempotencyKey: 'once-only', cause: expect.any(ConflictError) });
      expect(mock.requests.map((r) => JSON.parse(r.body).reference)).toEqual(['once-only', 'once-only']);
      expect(mock.simulators.fusebill.items).toHaveLength(1);
    },
  );

  it("holds the simulator's answer and the vendor page's sample to the schema, and both pass", async () => {
    const item = await client().createPurchaseProductItem({ purchaseId: 556891, reference: 'fresh' });
    expect(item).toMatchObject({ reference: 'fresh', purchaseId: 556891, status: 'Active' });
    const page = {
      reference: 'vh63k2jxu77291', name: 'Liscence Code', description: 'Premium Edition', purchaseId: 165111, customerId: 650594, productId: 46818,
      status: 'Active', createdDate: '2019-11-08T13:50:32', modifiedDate: '2019-11-08T13:50:32.64', id: 242593, uri: 'https://secure.fusebill.com/v1/purchaseProductItems/242593',
    };
    const validate = operations.createPurchaseProductItem.validateResponse!;
    expect(validate(page)).toBe(true);
    expect(validate({ ...page, createdDate: '8 Nov 2019' })).toBe(false);
  });
});
