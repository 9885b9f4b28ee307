// An answer with a vague content type (text/plain, none) is read in the format the client asked for, not in
// the first one the spec lists: an XML client used to parse its XML answer as JSON and fail.
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createAccountAdminClient, provider } from './index.js';

const mock = useMockServer({ providers: ['accountadmin'] });

describe('2sms answers with a vague content type', () => {
  it.each(['json', 'xml'] as const)('are read in the format the client asked for (%s)', async (format) => {
    mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault: { kind: 'content-type', contentType: 'text/plain; charset=utf-8' } });
    // No retry: a retry with the same PurchaseID would be answered without the fault and hide a misreading.
    const client = createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), format, maxRetries: 0 });
    await expect(client.purchaseCredits({ Billing: { Email: 'a@example.com' } })).resolves.toMatchObject({ ResponseData: { Result: 'Success' } });
  });
});

// The help page lists `application/json, text/json` and `application/xml, text/xml` for both directions.
describe('2sms text/json and text/xml', () => {
  it('are in the spec, for the request and the answer', () => {
    const { requestMediaTypes, responseMediaTypes } = provider.operations.purchaseCredits!;
    expect(requestMediaTypes).toEqual(['application/json', 'text/json', 'application/xml', 'text/xml']);
    expect(responseMediaTypes).toEqual(['application/json', 'text/json', 'application/xml', 'text/xml']);
  });

  it.each([
    ['json', 'text/json'],
    ['xml', 'text/xml'],
  ] as const)('an answer labelled %s as %s is decoded to the purchase', async (format, accept) => {
    const client = createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), format });
    const result = await client.purchaseCredits({ Billing: { Email: 'a@example.com' } }, { headers: { accept } });
    const [ledger] = mock.simulators.accountadmin.ledger;
    expect(result.ResponseData).toMatchObject({ Result: 'Success', Detail: ledger!.detail });
    expect(mock.requests.at(-1)!.headers.accept).toBe(accept);
  });
});
