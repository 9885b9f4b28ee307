// A purchase's typed result is true or the call fails: a 2xx body that is not the documented
// `{ product_id, status }` is a DecodeError, and since the cart line was added before the answer went wrong,
// an OutcomeUnknownError (the README's retry table: "2xx with an unreadable body"), never a result the
// README's own `const { product_id, status } = await …` would crash on after the purchase went through.
import { DecodeError, OutcomeUnknownError, ProviderError } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createFinerWorksClient } from './index.js';
import { operations } from './generated/provider.js';

const mock = useMockServer({ providers: ['finerworks'] });
const client = () => createFinerWorksClient({ ...mock.credentials.finerworks, baseUrl: mock.url('finerworks') });
const fail = (p: Promise<unknown>) => p.then((r) => expect.unreachable(`resolved to ${JSON.stringify(r)}`), (e: unknown) => e);
/** The simulator adds the cart line, then this body replaces its answer. */
const answerWith = (body: string) => mock.faults.add({ provider: 'finerworks', fault: { kind: 'content-type', contentType: 'application/json; charset=utf-8', body } });

describe('FinerWorks decoded results', () => {
  it.each([
    ['null', 'body must be of type object; got null'],
    ['{}', 'body.status is required'],
    ['[1,"x",null]', 'body must be of type object; got [1,"x",null]'],
    ['{"product_id":"line-7","status":{"success":true}}', 'body.product_id must be of type number; got "line-7"'],
    ['{"product_id":1001,"status":{}}', 'body.status.success is required'],
    ['{"product_id":1001,"status":{"success":"yes"}}', 'body.status.success must be of type boolean; got "yes"'],
  ])('a purchase answered %s is an unknown outcome whose cause names what is wrong; the cart line exists once', async (body, issue) => {
    answerWith(body);
    const error = await fail(client().buyAccountCredits({ amount: 250, cart_id: 'c-1' }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const cause = (error as OutcomeUnknownError).cause as DecodeError;
    expect(cause).toBeInstanceOf(DecodeError);
    expect(cause).toMatchObject({ status: 200, raw: body, message: `The 200 answer does not match the response schema: ${issue}` });
    expect(mock.requests).toHaveLength(1);
    expect(mock.simulators.finerworks.carts.get('c-1')).toHaveLength(1);
  });

  it.each([
    ['{"product_id":9007199254740993,"status":{"success":true}}', '9007199254740993 is beyond the safe integer range (2^53 - 1)'],
    ['{"product_id":1001,"status":{"success":true,"status_code":1e400}}', '1e400 is beyond the range of a number'],
  ])('a number the answer cannot hold exactly (%s) is an unknown outcome, not a rounded product_id', async (body, reason) => {
    answerWith(body);
    const error = await fail(client().buyAccountCredits({ amount: 250, cart_id: 'c-1' }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toMatchObject({ status: 200, message: `Could not decode the application/json response: a number cannot be read exactly: ${reason}` });
    expect(mock.simulators.finerworks.carts.get('c-1')).toHaveLength(1);
  });

  it('a 204 with no body is an unknown outcome, not a purchase resolving to undefined', async () => {
    mock.faults.add({ provider: 'finerworks', fault: { kind: 'status', status: 204, body: '' } });
    const error = await fail(client().buyAccountCredits({ amount: 250, cart_id: 'c-1' }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toMatchObject({ status: 204, message: 'The 204 answer does not match the response schema: body must be of type object; got undefined' });
    expect(mock.requests).toHaveLength(1);
  });

  it('reads status.success=false as the provider refusing, before the body is held to the success schema', async () => {
    answerWith('{"product_id":"none","status":{"success":false,"status_code":100,"message":"Not authorized for credits"}}');
    const error = await fail(client().buyAccountCredits({ amount: 250, cart_id: 'c-1' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ code: '100', message: '100: Not authorized for credits', status: 200 });
  });

  it('scrubs a key the answer echoes before quoting it in the cut-short preview of the bad value', async () => {
    const { webApiKey } = mock.credentials.finerworks;
    answerWith(JSON.stringify({ product_id: `${'x'.repeat(40)}${webApiKey}`, status: { success: true } }));
    const error = await fail(client().buyAccountCredits({ amount: 250, cart_id: 'c-1' }));
    const cause = (error as OutcomeUnknownError).cause as DecodeError;
    expect(cause.message).toBe(`The 200 answer does not match the response schema: body.product_id must be of type number; got "${'x'.repeat(40)}[REDACTED]…`);
    for (const output of [cause.message, JSON.stringify(error), String(error)]) expect(output).not.toContain(webApiKey.slice(0, 8));
  });

  it("holds the simulator's answer and the vendor page's sample to the schema, and both pass", async () => {
    const result = await client().buyAccountCredits({ amount: 250, cart_id: 'c-2' });
    expect(result).toEqual({ product_id: 1001, status: expect.objectContaining({ success: true, status_code: 100 }) });
    const validate = operations.buyAccountCredits.validateResponse!;
    const page = { product_id: 1, status: { success: true, status_code: 100, message: 'sample string 2', debug: {}, reference_id: 'sample string 4', domain: 'sample string 5' } };
    expect(validate(page)).toBe(true);
    expect(validate({ status: { success: true } })).toBe(true);
    // Json.NET writes unset C# strings and objects as null: a purchase answered so is still a result.
    answerWith('{"product_id":1002,"status":{"success":true,"status_code":100,"message":null,"debug":null,"reference_id":null,"domain":null}}');
    await expect(client().buyAccountCredits({ amount: 250, cart_id: 'c-3' })).resolves.toEqual({
      product_id: 1002,
      status: { success: true, status_code: 100, message: null, debug: null, reference_id: null, domain: null },
    });
    expect(validate({ product_id: 1 })).toBe(false);
  });
});
