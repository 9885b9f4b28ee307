// The simulator on the wire with hand-built queries, signed here with node:crypto as a third-party client would.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../server.js';

let mock: MockServer;
let skewMs = 0;
beforeAll(async () => {
  mock = await startMockServer({ providers: ['safecreative'], now: () => Date.now() + skewMs });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());
afterEach(() => {
  skewMs = 0;
});

type Pairs = [string, string][];
/** Signs decoded pairs the documented way and returns them with authkey, ztime and signature added. */
function signed(pairs: Pairs, ztime = Date.now()): Pairs {
  const all: Pairs = [...pairs, ['authkey', mock.credentials.safecreative.authkey], ['ztime', String(ztime)]];
  const sorted = [...all].filter(([k]) => k !== 'debug-component').sort(([a], [b]) => (a < b ? -1 : 1));
  const signature = createHash('sha1').update([mock.credentials.safecreative.privateKey, ...sorted.map(([k, v]) => `${k}=${v}`)].join('&'), 'utf8').digest('hex');
  return [...all, ['signature', signature]];
}
/** `encode` writes the wire form: `+` for spaces (Java's URLEncoder) or `%20` (PHP's rawurlencode). */
const query = (pairs: Pairs, encode: (s: string) => string = encodeURIComponent) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
const get = (q: string) => fetch(`${mock.url('safecreative')}/v2/?${q}`);
const newsale = (extra: Pairs = []): Pairs => [['component', 'user.newsale'], ['service', 'PROFESSIONAL'], ...extra];

async function answer(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  return res.text();
}
const error = (id: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<error>\n  <errorId>${id}</errorId>\n  <errorMessage>${message}</errorMessage>\n</error>\n`;

describe('Safe Creative simulator', () => {
  it('answers component=ztime unsigned with its own clock', async () => {
    skewMs = 42_000;
    const text = await answer(await get('component=ztime'));
    const ztime = Number(/<ztime>(\d+)<\/ztime>/.exec(text)![1]);
    expect(Math.abs(ztime - (Date.now() + 42_000))).toBeLessThan(1000);
  });

  it('counts clock reads in clockReads until reset()', async () => {
    await answer(await get('component=ztime'));
    await answer(await get('component=ztime'));
    await answer(await get(query(signed(newsale()))));
    expect(mock.simulators.safecreative.clockReads).toBe(2);
    mock.reset();
    expect(mock.simulators.safecreative.clockReads).toBe(0);
  });

  it('sells with a payment link whose & is written &amp; in XML', async () => {
    const text = await answer(await get(query(signed(newsale([['returnurl', 'http://example.com/sale-return'], ['cancelurl', 'http://example.com/sale-cancel']])))));
    const [sale] = [...mock.simulators.safecreative.sales.values()];
    expect(text).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<sale>\n  <code>${sale!.code}</code>\n  <status>PAYMENT_PENDING</status>\n` +
        `  <paymentlink>https://account.safecreative.org/sale/${sale!.code}?r=http%3A%2F%2Fexample.com%2Fsale-return&amp;c=http%3A%2F%2Fexample.com%2Fsale-cancel</paymentlink>\n</sale>\n`,
    );
  });

  it('verifies the signature over form-decoded values: + on the wire is a space, %2B a plus', async () => {
    const url = 'http://example.com/back?q=a b+c&n=ñ';
    const pairs = signed(newsale([['returnurl', url], ['cancelurl', 'http://example.com/c d']]));
    const javaStyle = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
    expect(await answer(await get(query(pairs, javaStyle)))).toContain('<status>PAYMENT_PENDING</status>');
    expect(await answer(await get(query(pairs)))).toContain('<status>PAYMENT_PENDING</status>');
    expect([...mock.simulators.safecreative.sales.values()].map((s) => s.returnurl)).toEqual([url, url]);
  });

  it('takes the returnUrl/cancelUrl spelling of the parameter list too, signed as sent', async () => {
    await answer(await get(query(signed(newsale([['returnUrl', 'http://e.com/r'], ['cancelUrl', 'http://e.com/c']])))));
    expect([...mock.simulators.safecreative.sales.values()][0]).toMatchObject({ returnurl: 'http://e.com/r', cancelurl: 'http://e.com/c' });
  });

  it('accepts parameters in a POST form body mixed with the query', async () => {
    const pairs = signed(newsale([['promotioncode', 'HALFPRICE']]));
    const res = await fetch(`${mock.url('safecreative')}/v2/?${query(pairs.slice(0, 2))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: query(pairs.slice(2)),
    });
    expect(await answer(res)).toContain('<status>PAYMENT_PENDING</status>');
  });

  it('rejects a tampered parameter, a ztime more than 5 s off, an unknown authkey and missing parameters', async () => {
    const tampered = query(signed(newsale())).replace('service=PROFESSIONAL', 'service=CORPORATE');
    expect(await answer(await get(tampered))).toBe(error('InvalidSignature', 'Invalid signature'));
    expect(await answer(await get(query(signed(newsale(), Date.now() - 6000))))).toBe(error('InvalidTime', 'The request ztime parameter is not correct'));
    expect(await answer(await get(query(signed(newsale(), Date.now() + 3000))))).toContain('<sale>');
    expect(await answer(await get(query(signed(newsale()), (s) => s).replace(mock.credentials.safecreative.authkey, 'nosuchkey')))).toBe(error('UserKeyAuthNotFound', 'Authorization key not found'));
    expect(await answer(await get('component=user.newsale&service=PROFESSIONAL'))).toBe(error('RestParameterNotFound', 'Required parameter not found: authkey'));
    expect(await answer(await get('service=PROFESSIONAL'))).toBe(error('RestParameterNotFound', 'Required parameter not found: component'));
    expect(await answer(await get('component=user.nosuch'))).toBe(error('InvalidRestComponent', 'Component not found: user.nosuch'));
    expect(mock.simulators.safecreative.sales.size).toBe(1);
  });

  it('leaves debug-component out of the signature', async () => {
    expect(await answer(await get(query(signed(newsale([['debug-component', 'signature.analysis']])))))).toContain('<sale>');
  });

  it('checks the component parameters: service, both return URLs or neither, known codes, nothing unexpected', async () => {
    const cases: [Pairs, string, string][] = [
      [[['component', 'user.newsale']], 'RestParameterNotFound', 'Required parameter not found: service'],
      [newsale().map(([k, v]) => [k, k === 'service' ? 'GOLD' : v]), 'InvalidParameter', 'Invalid parameter value: service=GOLD'],
      [newsale([['returnurl', 'http://e.com/r']]), 'InvalidParameter', 'If return URLs are provided, both URLs must be included'],
      [newsale([['promotioncode', 'NOPE']]), 'InvalidParameter', 'Promotion code not found: NOPE'],
      [newsale([['sharedkey', 'x']]), 'RestParameterNotExpected', 'Parameter not expected: sharedkey'],
    ];
    for (const [pairs, id, message] of cases) expect(await answer(await get(query(signed(pairs))))).toBe(error(id, message));
    expect(mock.simulators.safecreative.sales.size).toBe(0);
  });

  it('processes a sale at once, without a link, for a full-discount code', async () => {
    const text = await answer(await get(query(signed(newsale([['promotioncode', 'SOME_GIFT_CODE']])))));
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sale>\n {2}<code>PS\d{13}<\/code>\n {2}<status>PROCESSED<\/status>\n<\/sale>\n$/);
  });
});
