import { expectTypeOf, test } from 'vitest';
import { type AccountAdminClientOptions, createAccountAdminClient, type PurchaseCreditsInput, type PurchaseCreditsResult } from './index.js';

const aa = createAccountAdminClient({ clientId: 'id', clientSecret: 'secret', format: 'xml' });

test('inputs use the page field names; PurchaseID is optional (generated per call)', () => {
  aa.purchaseCredits({ Billing: { Email: 'a@b.c' }, PurchaseOrder: 'PO-7' });
  aa.purchaseCredits({ Billing: { Address: 'x', Company: 'y', Email: 'z', Mobile: '1', Phone: '2' }, PurchaseID: '9beb5f68-6493-4cc4-b55e-187541a9d22b', PurchaseOrder: 'PO-7' });
  // @ts-expect-error `Emial` is not a billing field
  aa.purchaseCredits({ Billing: { Emial: 'a@b.c' } });
  // @ts-expect-error `PurchaseOrder` is a string
  aa.purchaseCredits({ PurchaseOrder: 7 });
  expectTypeOf<PurchaseCreditsInput['PurchaseID']>().toEqualTypeOf<string | undefined>();
});

test('the result is the same type whatever the format: numbers, a boolean, a nullable integer, dates as text', () => {
  expectTypeOf(aa.purchaseCredits).returns.resolves.toEqualTypeOf<PurchaseCreditsResult>();
  type Detail = NonNullable<NonNullable<PurchaseCreditsResult['ResponseData']>['Detail']>;
  expectTypeOf<Detail['GrossTotal']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<Detail['Paid']>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<Detail['InvoiceNumber']>().toEqualTypeOf<number | null | undefined>();
  expectTypeOf<Detail['DatePurchased']>().toEqualTypeOf<string | undefined>();
  // C# strings: Json.NET writes an unset one as null, and the response schema lets it through.
  expectTypeOf<Detail['Currency']>().toEqualTypeOf<string | null | undefined>();
  expectTypeOf<PurchaseCreditsResult['Error']>().toEqualTypeOf<{ ErrorCode?: string | null; ErrorReason?: string | null } | null | undefined>();
});

test('format is json or xml; environment is the spec server', () => {
  createAccountAdminClient({ format: 'json', environment: 'production' });
  // @ts-expect-error no such format
  createAccountAdminClient({ format: 'yaml' });
  // @ts-expect-error no such environment in the spec
  createAccountAdminClient({ environment: 'test' });
});

test("the spec's credentials and server come through as options, exactly typed", () => {
  expectTypeOf<AccountAdminClientOptions['clientId']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<AccountAdminClientOptions['clientSecret']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<AccountAdminClientOptions['environment']>().toEqualTypeOf<'production' | undefined>();
  // @ts-expect-error the option is `clientSecret`, as the spec names it
  createAccountAdminClient({ clientId: 'id', client_secret: 'secret' });
});
