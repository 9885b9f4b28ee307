// What the 2sms client returns is held to the `ResponseOfPurchase` schema in both formats, after the body-level
// `Error` check. (Checked here on the codec and the generated validator, the two steps every 2xx answer goes
// through; how an unreadable answer is retried depends on the operation's idempotency class.)
import { DecodeError } from '@creditkit/core';
import { jsonCodec, toIssues } from '@creditkit/core/internal';
import { xmlCodec } from '@creditkit/xml';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { operations } from './generated/provider.js';
import { createAccountAdminClient } from './index.js';
import { RESPONSE_JSON, RESPONSE_XML } from '@creditkit/test-support/accountadmin-page-samples';

const { responseShape, validateResponse } = operations.purchaseCredits;
const validate = validateResponse!;
const mock = useMockServer({ providers: ['accountadmin'] });
const XML_HEAD = '<ResponseOfPurchase xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><ResponseData><Detail>';
const XML_TAIL = '</Detail></ResponseData></ResponseOfPurchase>';

describe('2sms decoded results', () => {
  it("passes the vendor page's JSON and XML samples and the simulator's answers in both formats", async () => {
    expect(validate(jsonCodec.decode(RESPONSE_JSON, responseShape))).toBe(true);
    expect(validate(xmlCodec.decode(RESPONSE_XML, responseShape))).toBe(true);
    // Json.NET writes unset C# strings and objects as null.
    const nulls = '{"Error":null,"ResponseData":{"Result":null,"Identification":null,"Detail":{"Currency":null,"PurchaseType":null,"ID":"56709ccd-06ca-4ac2-be10-2c4fb6d7dd75","InvoiceNumber":null}}}';
    expect(validate(jsonCodec.decode(nulls, responseShape))).toBe(true);
    for (const format of ['json', 'xml'] as const) {
      const client = createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), format });
      const result = await client.purchaseCredits({ Billing: { Email: 'a@b.c' }, PurchaseOrder: `PO-${format}` });
      expect(validate(result)).toBe(true);
      expect(result.ResponseData?.Detail?.ID).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it.each([
    ['null', 'body must be of type object; got null'],
    ['{"ResponseData":{"Detail":{"GrossTotal":"lots"}}}', 'body.ResponseData.Detail.GrossTotal must be of type number; got "lots"'],
    ['{"ResponseData":{"Detail":{"ID":"not-a-guid"}}}', 'body.ResponseData.Detail.ID must be a valid uuid; got "not-a-guid"'],
    ['{"ResponseData":{"Detail":{"DatePurchased":"yesterday"}}}', 'body.ResponseData.Detail.DatePurchased must be a valid date-time; got "yesterday"'],
    ['{"ResponseData":{"Detail":{"InvoiceNumber":1.5}}}', 'body.ResponseData.Detail.InvoiceNumber must be of type integer,null; got 1.5'],
  ])('refuses a JSON answer %s, naming the field', (body, issue) => {
    expect(validate(jsonCodec.decode(body, responseShape))).toBe(false);
    expect(toIssues(validate.errors ?? [], { root: 'body' }).map((i) => i.message)).toEqual([issue]);
  });

  it('refuses non-finite numbers: the INF and NaN XmlSerializer writes for a double are no amount', () => {
    for (const text of ['INF', '-INF', 'NaN']) {
      expect(validate(xmlCodec.decode(`${XML_HEAD}<GrossTotal>${text}</GrossTotal>${XML_TAIL}`, responseShape))).toBe(false);
      expect(toIssues(validate.errors ?? [], { root: 'body' }).map((i) => i.path)).toEqual(['body.ResponseData.Detail.GrossTotal']);
    }
  });

  it('refuses XML numbers that a number cannot hold exactly, and entity references nobody declared', () => {
    for (const [detail, reason] of [
      ['<GrossTotal>1e400</GrossTotal>', 'ResponseOfPurchase.ResponseData.Detail.GrossTotal: 1e400 is beyond the range of a number'],
      ['<InvoiceNumber>9007199254740993</InvoiceNumber>', 'ResponseOfPurchase.ResponseData.Detail.InvoiceNumber: 9007199254740993 is beyond the safe integer range (2^53 - 1)'],
      ['<Currency>&lol9;</Currency>', "unresolved entity reference &lol9; (only XML's own and the DOCTYPE's are known)"],
    ]) {
      const decode = () => xmlCodec.decode(`${XML_HEAD}${detail}${XML_TAIL}`, responseShape);
      expect(decode).toThrow(DecodeError);
      expect(decode).toThrow(`Could not decode the XML body: ${reason}`);
    }
    expect(xmlCodec.decode(`${XML_HEAD}<InvoiceNumber xsi:nil="true"/>${XML_TAIL}`, responseShape)).toEqual({ ResponseData: { Detail: { InvoiceNumber: null } } });
  });
});
