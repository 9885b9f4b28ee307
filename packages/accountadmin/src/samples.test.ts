// The help page's JSON and XML samples decode to the same typed object, field by field, and the request
// sample is exactly what the client writes in each format.
import { jsonCodec, ProviderError } from '@creditkit/core';
import { xmlCodec } from '@creditkit/xml';
import { describe, expect, it } from 'vitest';
import { operations } from './generated/provider.js';
import { createAccountAdminClient, type PurchaseCreditsResult } from './index.js';
import { compact, REQUEST_JSON, REQUEST_XML, RESPONSE_JSON, RESPONSE_XML } from './test-support/page-samples.js';

const { requestShape, responseShape } = operations.purchaseCredits;

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

  it.each(['json', 'xml'] as const)('turn into the same ProviderError in %s, since the sample fills Error', async (format) => {
    const sample = format === 'json' ? RESPONSE_JSON : RESPONSE_XML;
    const fetch = (async (input: Request | string) => {
      const url = typeof input === 'string' ? input : input.url;
      if (url.endsWith('/Token')) return Response.json({ access_token: 'sample-token-0001', token_type: 'bearer', expires_in: 28800 });
      return new Response(sample, { headers: { 'content-type': `application/${format}; charset=utf-8` } });
    }) as typeof globalThis.fetch;
    const client = createAccountAdminClient({ clientId: 'id-0001', clientSecret: 'secret-0001', format, fetch });
    const error = await client.purchaseCredits(JSON.parse(REQUEST_JSON)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'sample string 1', message: 'sample string 1: sample string 2', status: 200, provider: 'accountadmin', operation: 'purchaseCredits' });
  });
});
