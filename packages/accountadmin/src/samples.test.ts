// The help page's JSON and XML samples decode to the same typed object, field by field, and the request
// sample is exactly what the client writes in each format. The response sample is in doubt (FACTS §6 "2sms" #3).
import { OutcomeUnknownError, ProviderError } from '@creditkit/core';
import { jsonCodec } from '@creditkit/core/internal';
import { xmlCodec } from '@creditkit/xml';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { operations } from './generated/provider.js';
import { type AccountAdminClientOptions, createAccountAdminClient, type PurchaseCreditsResult } from './index.js';
import { compact, REQUEST_JSON, REQUEST_XML, RESPONSE_JSON, RESPONSE_XML } from '@creditkit/test-support/accountadmin-page-samples';

const { requestShape, responseShape } = operations.purchaseCredits;
const mock = useMockServer({ providers: ['accountadmin'] });
const client = (format: 'json' | 'xml', options: AccountAdminClientOptions = {}) =>
  createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), format, ...options });

describe('2sms page samples', () => {
  it('decode to the same typed result from JSON and from XML', () => {
    const fromJson = jsonCodec.decode(RESPONSE_JSON, responseShape) as PurchaseCreditsResult;
    const fromXml = xmlCodec.decode(RESPONSE_XML, responseShape) as PurchaseCreditsResult;
    const expected = {
      Error: { ErrorCode: 'sample string 1', ErrorReason: 'sample string 2' },
      ResponseData: {
        Identification: { UserId: 'sample string 1' },
        Result: 'sample string 1',
        Detail: {
          Currency: 'sample string 1',
          DatePurchased: '2024-03-28T21:00:58.485847+00:00',
          GrossTotal: 3.1,
          ID: '56709ccd-06ca-4ac2-be10-2c4fb6d7dd75',
          InvoiceNumber: 1,
          NetTotal: 5.1,
          Paid: true,
          PurchaseType: 'sample string 7',
          Quantity: 8.1,
          Tax: 9.1,
          UnitPrice: 10.1,
        },
      },
    };
    expect(fromJson).toEqual(expected);
    expect(fromXml).toEqual(expected);
    const json = fromJson.ResponseData!.Detail!;
    const xml = fromXml.ResponseData!.Detail!;
    for (const field of Object.keys(expected.ResponseData.Detail) as (keyof typeof json)[]) {
      expect(typeof xml[field], field).toBe(typeof json[field]);
      expect(xml[field], field).toStrictEqual(json[field]);
    }
  });

  it('are what the client writes: the JSON body and the XmlSerializer body, element for element', () => {
    const body = JSON.parse(REQUEST_JSON);
    expect(jsonCodec.encode(body, requestShape)).toBe(JSON.stringify(body));
    expect(xmlCodec.encode(body, requestShape)).toBe(compact(REQUEST_XML));
  });

  // The sample fills Error AND carries a purchase Detail: "failed" and "here is your purchase" at once.
  it.each(['json', 'xml'] as const)('in %s, after the purchase was processed, are in doubt: OutcomeUnknownError with both parts in reconcile, not resent', async (format) => {
    const sample = format === 'json' ? RESPONSE_JSON : RESPONSE_XML;
    mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault: { kind: 'status-after', status: 200, headers: { 'content-type': `application/${format}; charset=utf-8` }, body: sample } });
    const input = JSON.parse(REQUEST_JSON);
    const error = await client(format).purchaseCredits(input).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).not.toBeInstanceOf(ProviderError);
    const { reconcile, cause, attempts } = error as OutcomeUnknownError;
    expect(reconcile.input).toEqual(input);
    expect(reconcile.answer).toMatchObject({
      Error: { ErrorCode: 'sample string 1', ErrorReason: 'sample string 2' },
      ResponseData: { Detail: { ID: '56709ccd-06ca-4ac2-be10-2c4fb6d7dd75', Paid: true, Quantity: 8.1 } },
    });
    expect(cause).toBeInstanceOf(ProviderError);
    expect(cause).toMatchObject({ code: 'sample string 1', status: 200 });
    expect(attempts).toBe(1);
    expect(mock.requests.filter((r) => r.path.endsWith('PurchaseCredits'))).toHaveLength(1);
    expect(mock.simulators.accountadmin.ledger).toHaveLength(1);
  });

  it('in doubt even for a client that asserts deduplication: an answer that came back is not retried', async () => {
    mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault: { kind: 'status-after', status: 200, body: RESPONSE_JSON } });
    const error = await client('json', { purchaseIdDeduplicated: true }).purchaseCredits(JSON.parse(REQUEST_JSON)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(mock.requests.filter((r) => r.path.endsWith('PurchaseCredits'))).toHaveLength(1);
  });

  it('a filled Error with no purchase Detail stays a plain refusal (ProviderError)', async () => {
    const body = JSON.stringify({ Error: { ErrorCode: 'CardDeclined', ErrorReason: 'No.' }, ResponseData: { Result: 'Failed', Detail: null } });
    mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault: { kind: 'status', status: 200, body } });
    const error = await client('json').purchaseCredits(JSON.parse(REQUEST_JSON)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'CardDeclined' });
  });
});
