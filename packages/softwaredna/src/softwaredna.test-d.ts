import { describe, expectTypeOf, it } from 'vitest';
import {
  type ConsumeCreditsInput, type ConsumeCreditsResult, createSoftwareDnaClient, type QueryCreditsInput, type QueryCreditsResult, type SoftwareDnaClient, type SoftwareDnaClientOptions,
} from './index.js';

declare const dna: SoftwareDnaClient;
const where = { productId: 'P0001234', licenseId: 'TEST12345' };

describe('software_DNA types', () => {
  it('takes the path ids and the body fields in one flat input', () => {
    expectTypeOf<QueryCreditsInput>().toEqualTypeOf<{
      productId: string;
      licenseId: string;
      Target: 'LICENSE' | 'EMAIL' | 'ALL';
      UserIp: string;
      Test?: boolean;
      SendDnaEmail?: boolean;
    }>();
    dna.queryCredits({ ...where, Target: 'ALL', UserIp: '2001:db8::1', Test: true });
    // @ts-expect-error Target is LICENSE, EMAIL or ALL
    dna.queryCredits({ ...where, Target: 'BOTH', UserIp: '203.0.113.9' });
    // @ts-expect-error UserIp is required
    dna.queryCredits({ ...where, Target: 'LICENSE' });
    // @ts-expect-error Test is a boolean, not the string the vendor page shows
    dna.queryCredits({ ...where, Target: 'LICENSE', UserIp: '203.0.113.9', Test: 'true' });
  });

  it('resolves to credits whose Count is a number', () => {
    expectTypeOf(dna.queryCredits).returns.resolves.toEqualTypeOf<QueryCreditsResult>();
    expectTypeOf<QueryCreditsResult>().toEqualTypeOf<{ Target: 'LICENSE' | 'EMAIL'; Name: string; Count: number }[]>();
  });

  it('consumes with Name and a numeric Count, and resolves to the updated credits', () => {
    expectTypeOf<ConsumeCreditsInput>().toEqualTypeOf<{
      productId: string;
      licenseId: string;
      Name: string;
      Count: number;
      Target: 'LICENSE' | 'EMAIL' | 'ALL';
      UserIp: string;
      Test?: boolean;
      SendDnaEmail?: boolean;
    }>();
    dna.consumeCredits({ ...where, Name: 'Reports', Count: 2, Target: 'ALL', UserIp: '203.0.113.9' });
    // @ts-expect-error Count is a number, not the quoted string the vendor page shows
    dna.consumeCredits({ ...where, Name: 'Reports', Count: '2', Target: 'ALL', UserIp: '203.0.113.9' });
    // @ts-expect-error Name is required
    dna.consumeCredits({ ...where, Count: 2, Target: 'ALL', UserIp: '203.0.113.9' });
    expectTypeOf(dna.consumeCredits).returns.resolves.toEqualTypeOf<ConsumeCreditsResult>();
    expectTypeOf<ConsumeCreditsResult>().toEqualTypeOf<QueryCreditsResult>();
  });

  it('needs both credentials as strings', () => {
    createSoftwareDnaClient({ clientId: 'C0001234', apiKey: 'KEY' });
    // @ts-expect-error software_DNA has only a production environment
    createSoftwareDnaClient({ environment: 'test' });
    // @ts-expect-error clientId is a string
    createSoftwareDnaClient({ clientId: 1234 });
  });

  it("takes the spec's credentials and server as options, exactly typed", () => {
    expectTypeOf<SoftwareDnaClientOptions['clientId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SoftwareDnaClientOptions['apiKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SoftwareDnaClientOptions['environment']>().toEqualTypeOf<'production' | undefined>();
    // @ts-expect-error the option is `apiKey`, as the spec names it
    createSoftwareDnaClient({ clientId: 'C0001234', apikey: 'KEY' });
  });
});
