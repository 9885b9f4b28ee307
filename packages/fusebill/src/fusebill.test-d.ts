import type { AlreadyAppliedError, RateLimitError } from '@creditkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreatePurchaseProductItemInput, type CreatePurchaseProductItemResult, createFusebillClient, type FusebillClient,
  type FusebillClientOptions, type FusebillRateLimit, readRateLimit,
} from './index.js';

declare const fb: FusebillClient;

describe('Fusebill types', () => {
  it('takes the API field names: reference and purchaseId required, name and description optional', () => {
    expectTypeOf<CreatePurchaseProductItemInput>().toEqualTypeOf<{ reference: string; purchaseId: number; name?: string; description?: string }>();
    fb.createPurchaseProductItem({ reference: 'vh63k2jxu77291z', purchaseId: 556891 });
    // @ts-expect-error purchaseId is an integer, not a string
    fb.createPurchaseProductItem({ reference: 'r', purchaseId: '556891' });
    // @ts-expect-error reference is required
    fb.createPurchaseProductItem({ purchaseId: 556891 });
    // @ts-expect-error a misspelt field does not compile
    fb.createPurchaseProductItem({ reference: 'r', purchaseId: 1, purchaseID: 1 });
  });

  it('resolves to the tracked item', () => {
    expectTypeOf(fb.createPurchaseProductItem).returns.resolves.toEqualTypeOf<CreatePurchaseProductItemResult>();
    expectTypeOf<CreatePurchaseProductItemResult['id']>().toEqualTypeOf<number>();
    expectTypeOf<CreatePurchaseProductItemResult['status']>().toEqualTypeOf<string>();
    expectTypeOf<CreatePurchaseProductItemResult['name']>().toEqualTypeOf<string | null | undefined>();
  });

  it('types the options: apiKey, the two environments, onRateLimit', () => {
    createFusebillClient({ apiKey: 'MDprZXk=', environment: 'staging', onRateLimit: (l) => expectTypeOf(l).toEqualTypeOf<FusebillRateLimit>() });
    // @ts-expect-error only `production` and `staging` exist
    createFusebillClient({ environment: 'sandbox' });
    // @ts-expect-error the key is one string, not user and password
    createFusebillClient({ apiKey: { username: 'u', password: 'p' } });
  });

  it('reads rate limits from an error', () => {
    expectTypeOf<RateLimitError['headers']>().toExtend<Parameters<typeof readRateLimit>[0]>();
    expectTypeOf(readRateLimit({})).toEqualTypeOf<FusebillRateLimit | undefined>();
    expectTypeOf<AlreadyAppliedError['idempotencyKey']>().toEqualTypeOf<string>();
  });

  it("takes the spec's credential and servers as options, exactly typed", () => {
    expectTypeOf<FusebillClientOptions['apiKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FusebillClientOptions['environment']>().toEqualTypeOf<'production' | 'staging' | undefined>();
    // @ts-expect-error the option is `apiKey`, as the spec names it
    createFusebillClient({ apikey: 'MDprZXk=' });
  });
});
