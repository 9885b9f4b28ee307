// A sale's typed result is a `<sale>` with its code and a documented status, or the call fails. The sale
// was created before the answer went wrong, so a purchase answered with an unreadable `<sale>` is an unknown
// outcome; `<error>` documents stay ProviderErrors.
import { DecodeError, OutcomeUnknownError, ProviderError } from '@creditkit/core';
import { xmlCodec } from '@creditkit/xml';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createSafeCreativeClient } from './index.js';
import { operations } from './generated/provider.js';

const mock = useMockServer({ providers: ['safecreative'] });
const client = () => createSafeCreativeClient({ ...mock.credentials.safecreative, baseUrl: mock.url('safecreative') });
const fail = (p: Promise<unknown>) => p.then((r) => expect.unreachable(`resolved to ${JSON.stringify(r)}`), (e: unknown) => e);
const answerWith = (body: string) =>
  mock.faults.add({ provider: 'safecreative', path: '/v2/', fault: { kind: 'content-type', contentType: 'application/xml; charset=utf-8', body } });
const sale = () => client().userNewSale({ service: 'PROFESSIONAL', promotioncode: 'SOME_GIFT_CODE' });

describe('Safe Creative decoded results', () => {
  it.each([
    ['<sale/>', 'The 200 answer does not match the response schema: body.code is required; body.status is required'],
    ['<sale><code>PS1</code></sale>', 'The 200 answer does not match the response schema: body.status is required'],
    ['<sale><code>PS1</code><status>REFUNDED</status></sale>', 'The 200 answer does not match the response schema: body.status must be one of PAYMENT_PENDING, PROCESSED; got "REFUNDED"'],
    ['<sale><code>PS&lol9;</code><status>PROCESSED</status></sale>', "Could not decode the XML body: unresolved entity reference &lol9; (only XML's own and the DOCTYPE's are known)"],
  ])('a sale answered %s is an unknown outcome whose cause says why; the sale exists once', async (body, message) => {
    answerWith(body);
    const error = await fail(sale());
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const cause = (error as OutcomeUnknownError).cause as DecodeError;
    expect(cause).toBeInstanceOf(DecodeError);
    expect(cause).toMatchObject({ status: 200, message });
    expect(mock.requests.filter((r) => r.path === '/v2/' && r.query.component === 'user.newsale')).toHaveLength(1);
    expect(mock.simulators.safecreative.sales.size).toBe(1);
  });

  it('still reads an <error> document as the refusal it is, although it is no <sale>', async () => {
    answerWith('<error><errorId>ProfessionalServiceNotActive</errorId><errorMessage>Not active</errorMessage></error>');
    const error = await fail(sale());
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'ProfessionalServiceNotActive', status: 200 });
  });

  it("holds the simulator's answers and both of the vendor page's answers to the schema, and they pass", async () => {
    await expect(sale()).resolves.toEqual({ code: expect.stringMatching(/^PS\d+$/), status: 'PROCESSED' });
    const { validateResponse, responseShape } = operations.userNewSale;
    const pending = `<?xml version="1.0" encoding="UTF-8"?>
<sale>
  <code>PS1608100003311</code>
  <status>PAYMENT_PENDING</status>
  <paymentlink>https://account.safecreative.org/sale/PS1608100003311?r=http%3A%2F%2Fexample.com%2Fsale-return&amp;c=http%3A%2F%2Fexample.com%2Fsale-cancel</paymentlink>
</sale>`;
    const processed = '<?xml version="1.0" encoding="UTF-8"?>\n<sale>\n  <code>PS1608100003281</code>\n  <status>PROCESSED</status>\n</sale>';
    expect(validateResponse!(xmlCodec.decode(pending, responseShape))).toBe(true);
    expect(validateResponse!(xmlCodec.decode(processed, responseShape))).toBe(true);
    // The error variants are not results: they never pass as one.
    expect(validateResponse!(xmlCodec.decode('<error><errorId>InvalidTime</errorId></error>', responseShape))).toBe(false);
  });
});
