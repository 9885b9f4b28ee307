import { expectTypeOf, test } from 'vitest';
import {
  type BuyAccountCreditsInput, type BuyAccountCreditsResult, type CreateCreditTransactionInput, type CreateCreditTransactionResult, createFinerWorksClient,
  type FinerWorksClientOptions,
} from './index.js';

const fw = createFinerWorksClient({ webApiKey: 'k', appKey: 'a' });

test('inputs use the wire names from the spec; a wrong field name does not compile', () => {
  fw.buyAccountCredits({ amount: 250, cart_id: 'c-1', extra_credits: 3, account_key: null });
  // @ts-expect-error `cartId` is not a field (the API's name is `cart_id`)
  fw.buyAccountCredits({ amount: 250, cartId: 'c-1' });
  // @ts-expect-error `cart_id` is required
  fw.buyAccountCredits({ amount: 250 });
  // @ts-expect-error `amount` is a number
  fw.buyAccountCredits({ amount: '250', cart_id: 'c-1' });
  expectTypeOf<BuyAccountCreditsInput['amount']>().toEqualTypeOf<number>();
});

test('results are typed from the response schema', () => {
  expectTypeOf(fw.buyAccountCredits).returns.resolves.toEqualTypeOf<BuyAccountCreditsResult>();
  expectTypeOf<BuyAccountCreditsResult['status']['success']>().toEqualTypeOf<boolean>();
  expectTypeOf<BuyAccountCreditsResult['product_id']>().toEqualTypeOf<number | undefined>();
});

test('a credit transaction takes all five fields, with the vendor-spelled widthdrawal', () => {
  expectTypeOf<CreateCreditTransactionInput>().toEqualTypeOf<{ amount: number; memo: string; widthdrawal: boolean; order_id: number; account_id: number }>();
  fw.createCreditTransaction({ amount: 25, memo: 'refund', widthdrawal: false, order_id: 42, account_id: 5150 });
  // @ts-expect-error the wire name is `widthdrawal` (sic), not `withdrawal`
  fw.createCreditTransaction({ amount: 25, memo: 'refund', withdrawal: false, order_id: 42, account_id: 5150 });
  // @ts-expect-error `account_id` is required
  fw.createCreditTransaction({ amount: 25, memo: 'refund', widthdrawal: false, order_id: 42 });
  expectTypeOf(fw.createCreditTransaction).returns.resolves.toEqualTypeOf<CreateCreditTransactionResult>();
  expectTypeOf<CreateCreditTransactionResult['status']['success']>().toEqualTypeOf<boolean>();
});

test('environment is one of the spec servers', () => {
  createFinerWorksClient({ environment: 'production' });
  // @ts-expect-error no such environment in the spec
  createFinerWorksClient({ environment: 'staging' });
});

test("the spec's credentials and servers come through as options, exactly typed", () => {
  expectTypeOf<FinerWorksClientOptions['webApiKey']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<FinerWorksClientOptions['appKey']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<FinerWorksClientOptions['environment']>().toEqualTypeOf<'production' | 'test' | undefined>();
  // @ts-expect-error the option is `webApiKey`, as the spec names it (the header is `web_api_key`)
  createFinerWorksClient({ web_api_key: 'k', appKey: 'a' });
});
