import { expectTypeOf, test } from 'vitest';
import { createSafeCreativeClient, type SafeCreativeClientOptions, type UserNewSaleInput, type UserNewSaleResult } from './index.js';

const sc = createSafeCreativeClient({ authkey: 'a', privateKey: 'p' });

test('inputs are the query parameters the caller owns; auth and const parameters are not among them', () => {
  sc.userNewSale({ service: 'PROFESSIONAL' });
  sc.userNewSale({ service: 'CORPORATE', promotioncode: 'GIFT', returnurl: 'https://a.example/r', cancelurl: 'https://a.example/c' });
  // @ts-expect-error no such service
  sc.userNewSale({ service: 'GOLD' });
  // @ts-expect-error `service` is required
  sc.userNewSale({ promotioncode: 'GIFT' });
  // @ts-expect-error the signature is the client's job
  sc.userNewSale({ service: 'PROFESSIONAL', signature: 'x' });
  // @ts-expect-error so is the component
  sc.userNewSale({ service: 'PROFESSIONAL', component: 'user.newsale' });
  expectTypeOf<keyof UserNewSaleInput>().toEqualTypeOf<'service' | 'promotioncode' | 'returnurl' | 'cancelurl'>();
});

test('the result is the <sale>, never an error document (those are thrown)', () => {
  expectTypeOf(sc.userNewSale).returns.resolves.toEqualTypeOf<UserNewSaleResult>();
  expectTypeOf<UserNewSaleResult>().toEqualTypeOf<{ code: string; status: 'PAYMENT_PENDING' | 'PROCESSED'; paymentlink?: string }>();
  expectTypeOf<UserNewSaleResult>().not.toHaveProperty('errorId');
});

test('environment is arena or production', () => {
  createSafeCreativeClient({ environment: 'production' });
  createSafeCreativeClient({ environment: 'arena' });
  // @ts-expect-error no such environment in the spec
  createSafeCreativeClient({ environment: 'test' });
});

test("the spec's credentials and servers come through as options, exactly typed", () => {
  expectTypeOf<SafeCreativeClientOptions['authkey']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<SafeCreativeClientOptions['privateKey']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<SafeCreativeClientOptions['environment']>().toEqualTypeOf<'production' | 'arena' | undefined>();
  // @ts-expect-error the option is `authkey`, as the spec names it
  createSafeCreativeClient({ authKey: 'a', privateKey: 'p' });
});
