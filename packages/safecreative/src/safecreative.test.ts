// Safe Creative user.newsale on the wire: the signed query (checked by the simulator and again here with
// node:crypto), the decoded <sale>, and every error document as a typed error.
import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { DecodeError, type Plugin, OutcomeUnknownError, ProviderError, ValidationError } from '@creditkit/core';
import type { RecordedRequest } from '@creditkit/mock';
import { describe, expect, it, vi } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createSafeCreativeClient, type SafeCreativeClientOptions } from './index.js';

const mock = useMockServer({ providers: ['safecreative'] });

/** The client, with a fetch that records the exact URL before handing the request to the simulator. */
function client(overrides: SafeCreativeClientOptions = {}, urls: string[] = []) {
  const fetch = ((request: Request, init?: RequestInit) => {
    urls.push(request.url);
    return globalThis.fetch(request, init);
  }) as typeof globalThis.fetch;
  return createSafeCreativeClient({ ...mock.credentials.safecreative, baseUrl: mock.url('safecreative'), fetch, ...overrides });
}
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');
/** The signature the server expects for a recorded request, computed independently of the client. */
function expectedSignature(sent: RecordedRequest): string {
  const pairs = Object.entries(sent.query).filter(([k]) => k !== 'signature' && k !== 'debug-component');
  pairs.sort(([a], [b]) => (a < b ? -1 : 1));
  return sha1([mock.credentials.safecreative.privateKey, ...pairs.map(([k, v]) => `${k}=${v}`)].join('&'));
}
const returnurl = 'http://example.com/sale-return';
const cancelurl = 'http://example.com/sale-cancel';

describe('Safe Creative userNewSale', () => {
  it('sends a signed GET /v2/ (sorted, percent-encoded, signature last) and decodes the <sale>', async () => {
    const urls: string[] = [];
    const started = Date.now();
    const sale = await client({}, urls).userNewSale({ service: 'PROFESSIONAL', returnurl, cancelurl });

    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: 'GET', path: '/v2/', body: '' });
    expect(Object.keys(sent!.query)).toEqual(['authkey', 'cancelurl', 'component', 'returnurl', 'service', 'ztime', 'signature']);
    expect(sent!.query).toMatchObject({ authkey: mock.credentials.safecreative.authkey, component: 'user.newsale', service: 'PROFESSIONAL', returnurl, cancelurl });
    expect(Number(sent!.query.ztime)).toBeGreaterThanOrEqual(started);
    expect(Number(sent!.query.ztime)).toBeLessThanOrEqual(Date.now());
    expect(sent!.query.signature).toBe(expectedSignature(sent!));
    expect(urls[0]).toBe(
      `${mock.url('safecreative')}/v2/?authkey=${mock.credentials.safecreative.authkey}&cancelurl=http%3A%2F%2Fexample.com%2Fsale-cancel&component=user.newsale` +
        `&returnurl=http%3A%2F%2Fexample.com%2Fsale-return&service=PROFESSIONAL&ztime=${sent!.query.ztime}&signature=${sent!.query.signature}`,
    );

    const [stored] = [...mock.simulators.safecreative.sales.values()];
    expect(sale).toEqual({
      code: stored!.code,
      status: 'PAYMENT_PENDING',
      paymentlink: `https://account.safecreative.org/sale/${stored!.code}?r=http%3A%2F%2Fexample.com%2Fsale-return&c=http%3A%2F%2Fexample.com%2Fsale-cancel`,
    });
    expect(stored!.code).toMatch(/^PS\d{13}$/);
  });

  it('answers PROCESSED without a payment link when a promotion code makes the sale free', async () => {
    const sale = await client().userNewSale({ service: 'CORPORATE', promotioncode: 'SOME_GIFT_CODE' });
    expect(sale).toEqual({ code: expect.stringMatching(/^PS\d{13}$/), status: 'PROCESSED' });
    expect(sale).not.toHaveProperty('paymentlink');
    expect(mock.requests[0]!.query).not.toHaveProperty('returnurl');
  });

  it('signs the raw values and sends them percent-encoded: spaces, &, =, +, % and non-ASCII arrive intact', async () => {
    const urls: string[] = [];
    const odd = 'https://example.com/vuelta?a=1&b=x y+z=%41&n=ñandú😀';
    await client({}, urls).userNewSale({ service: 'PROFESSIONAL', returnurl: odd, cancelurl, promotioncode: 'HALFPRICE' });
    const [stored] = [...mock.simulators.safecreative.sales.values()];
    expect(stored).toMatchObject({ returnurl: odd, cancelurl, promotioncode: 'HALFPRICE', status: 'PAYMENT_PENDING' });
    expect(urls[0]).toContain('returnurl=https%3A%2F%2Fexample.com%2Fvuelta%3Fa%3D1%26b%3Dx%20y%2Bz%3D%2541%26n%3D%C3%B1and%C3%BA%F0%9F%98%80&');
    expect(mock.requests[0]!.query.signature).toBe(expectedSignature(mock.requests[0]!));
  });

  it('rejects a parameter changed after signing as InvalidSignature, and sells nothing', async () => {
    const tamper: Plugin = { name: 'tamper', hooks: { beforeSend: (request) => ({ ...request, url: request.url.replace('service=PROFESSIONAL', 'service=CORPORATE') }) } };
    const error = await client({ plugins: [tamper] }).userNewSale({ service: 'PROFESSIONAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'InvalidSignature', refused: 'authentication', message: 'InvalidSignature: Invalid signature', status: 200, body: { errorId: 'InvalidSignature' } });
    expect(mock.requests[0]!.query.service).toBe('CORPORATE');
    expect(mock.requests).toHaveLength(1);
    expect(mock.simulators.safecreative.sales.size).toBe(0);
  });

  it.each([
    [{ authkey: 'unknownauthkey0000000001' }, 'UserKeyAuthNotFound', 'Authorization key not found'],
    [{ privateKey: 'notthekey00000000000000x' }, 'InvalidSignature', 'Invalid signature'],
  ])('turns an <error> document refusing the credentials (%o) into a ProviderError marked refused', async (credentials, code, message) => {
    const error = await client(credentials).userNewSale({ service: 'PROFESSIONAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code, refused: 'authentication', message: `${code}: ${message}` });
  });

  it('turns an unknown promotion code into the server\'s InvalidParameter', async () => {
    const error = await client().userNewSale({ service: 'PROFESSIONAL', promotioncode: 'NOSUCHCODE' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidParameter', message: 'InvalidParameter: Promotion code not found: NOSUCHCODE' });
    expect((error as ProviderError).refused).toBeUndefined();
  });

  it('marks InsufficientLevel (an authkey below the level the component needs) as a permission refusal', async () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?><error><errorId>InsufficientLevel</errorId><errorMessage>Insufficient authkey level</errorMessage></error>';
    mock.faults.add({ provider: 'safecreative', fault: { kind: 'status', status: 200, headers: { 'content-type': 'application/xml;charset=UTF-8' }, body } });
    const error = await client().userNewSale({ service: 'PROFESSIONAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'InsufficientLevel', refused: 'permission', status: 200, message: 'InsufficientLevel: Insufficient authkey level' });
  });

  it('turns an <exception> document into a ProviderError carrying the exception id', async () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?><exception><exceptionId>RuntimeException</exceptionId><exceptionMessage>This is a test exception</exceptionMessage><stackTrace/></exception>';
    mock.faults.add({ provider: 'safecreative', fault: { kind: 'status', status: 200, headers: { 'content-type': 'application/xml;charset=UTF-8' }, body } });
    const error = await client().userNewSale({ service: 'PROFESSIONAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'RuntimeException', message: 'RuntimeException: This is a test exception' });
  });

  it.each([
    ['hostile', '<sale><constructor><prototype>x</prototype></constructor></sale>', /constructor/],
    ['malformed', '<sale><code>PS1</code><status>PROCESSED</sale>', /Expected closing tag 'status'/],
    ['unexpected', '<html><body>Bad gateway</body></html>', /unexpected root element <html> \(expected <sale> or <error> or <exception>\)/],
  ])('reports a %s answer to a sale (which may have been made) as OutcomeUnknownError caused by a DecodeError', async (_kind, body, reason) => {
    mock.faults.add({ provider: 'safecreative', fault: { kind: 'status', status: 200, headers: { 'content-type': 'application/xml' }, body } });
    const error = await client().userNewSale({ service: 'PROFESSIONAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const cause = (error as OutcomeUnknownError).cause;
    expect(cause).toBeInstanceOf(DecodeError);
    expect(cause).toMatchObject({ provider: 'safecreative', operation: 'userNewSale', raw: body, message: expect.stringMatching(reason) });
    expect(mock.requests).toHaveLength(1);
    expect(({} as Record<string, unknown>).prototype).toBeUndefined();
  });

  it('requires both return URLs or neither, and a known service, before anything is sent', async () => {
    const error = await client()
      .userNewSale({ service: 'GOLD', returnurl } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'cancelurl', rule: 'dependentRequired', message: 'cancelurl is required when returnurl is given (both or neither)' }),
        expect.objectContaining({ path: 'service', rule: 'enum' }),
      ]),
    );
    const both = await client().userNewSale({ service: 'PROFESSIONAL', cancelurl } as never).catch((e: unknown) => e);
    expect((both as ValidationError).issues).toEqual([expect.objectContaining({ path: 'returnurl', rule: 'dependentRequired' })]);
    expect(mock.requests).toHaveLength(0);
  });

  it('never lets the private key on the wire, nor the private key, authkey or signature into logs and errors', async () => {
    const captured: string[] = [];
    const logger = (line: object) => captured.push(JSON.stringify(line));
    await client({ logger, logLevel: 'debug' }).userNewSale({ service: 'PROFESSIONAL', returnurl, cancelurl });
    const error = await client({ logger, logLevel: 'debug', privateKey: 'wrongprivatekey000000000' }).userNewSale({ service: 'PROFESSIONAL' }).catch((e: unknown) => e);
    captured.push(String(error), JSON.stringify(error), inspect(error, { depth: 10 }));
    const { privateKey, authkey } = mock.credentials.safecreative;
    for (const sent of mock.requests) expect(JSON.stringify(sent)).not.toContain(privateKey);
    const signatures = mock.requests.map((r) => r.query.signature!);
    expect(captured.some((l) => l.includes('request.send') && l.includes('signature=[REDACTED]'))).toBe(true);
    for (const line of captured) {
      for (const secret of [privateKey, 'wrongprivatekey000000000', authkey, ...signatures]) expect(line).not.toContain(secret);
    }
  });

  it('reads SAFECREATIVE_AUTHKEY / SAFECREATIVE_PRIVATE_KEY', async () => {
    const saved = { ...process.env };
    try {
      process.env.SAFECREATIVE_AUTHKEY = mock.credentials.safecreative.authkey;
      process.env.SAFECREATIVE_PRIVATE_KEY = mock.credentials.safecreative.privateKey;
      await expect(createSafeCreativeClient({ baseUrl: mock.url('safecreative') }).userNewSale({ service: 'CORPORATE' })).resolves.toMatchObject({ status: 'PAYMENT_PENDING' });
      delete process.env.SAFECREATIVE_PRIVATE_KEY;
      expect(() => createSafeCreativeClient({ authkey: 'a-key-0001' })).toThrow(/privateKey \(option `privateKey` or env SAFECREATIVE_PRIVATE_KEY\)/);
    } finally {
      process.env = saved;
    }
  });
});

describe('Safe Creative hosts and the page example', () => {
  const page = { authkey: '6i716m0pecao2morajk4b6xt9', privateKey: '1f5lcps1hvpo7y1sw175y5qkp' };
  const answering = (xml: string, urls: string[]) =>
    (async (request: Request) => {
      urls.push(request.url);
      return new Response(xml, { headers: { 'content-type': 'text/xml;charset=UTF-8' } });
    }) as typeof globalThis.fetch;

  it('reproduces the page example: vector V2 on the wire to the arena host (the default), the page answer decoded', async () => {
    const urls: string[] = [];
    const answer = `<?xml version="1.0" encoding="UTF-8"?>
<sale>
  <code>PS1608100003311</code>
  <status>PAYMENT_PENDING</status>
  <paymentlink>https://account.safecreative.org/sale/PS1608100003311?r=http%3A%2F%2Fexample.com%2Fsale-return&amp;c=http%3A%2F%2Fexample.com%2Fsale-cancel</paymentlink>
</sale>`;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1470825332701);
    try {
      const sale = await createSafeCreativeClient({ ...page, fetch: answering(answer, urls) }).userNewSale({ service: 'PROFESSIONAL', returnurl, cancelurl });
      expect(sale).toEqual({
        code: 'PS1608100003311',
        status: 'PAYMENT_PENDING',
        paymentlink: 'https://account.safecreative.org/sale/PS1608100003311?r=http%3A%2F%2Fexample.com%2Fsale-return&c=http%3A%2F%2Fexample.com%2Fsale-cancel',
      });
    } finally {
      vi.useRealTimers();
    }
    // FACTS §1.6: the official Java SDK's wire query for V2.
    expect(urls).toEqual([
      'https://arena.safecreative.org/v2/?authkey=6i716m0pecao2morajk4b6xt9&cancelurl=http%3A%2F%2Fexample.com%2Fsale-cancel&component=user.newsale&returnurl=http%3A%2F%2Fexample.com%2Fsale-return&service=PROFESSIONAL&ztime=1470825332701&signature=32bdb916dda869c340d0c397628c2c5314677d38',
    ]);
  });

  it('reproduces vector V3 against the production host', async () => {
    const urls: string[] = [];
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1470824468855);
    try {
      const client = createSafeCreativeClient({ ...page, environment: 'production', fetch: answering('<sale><code>PS1608100003281</code><status>PROCESSED</status></sale>', urls) });
      await expect(client.userNewSale({ service: 'PROFESSIONAL', promotioncode: 'SOME_GIFT_CODE' })).resolves.toEqual({ code: 'PS1608100003281', status: 'PROCESSED' });
    } finally {
      vi.useRealTimers();
    }
    expect(urls[0]).toBe(
      'https://api.safecreative.org/v2/?authkey=6i716m0pecao2morajk4b6xt9&component=user.newsale&promotioncode=SOME_GIFT_CODE&service=PROFESSIONAL&ztime=1470824468855&signature=7172ed2416f26e20d4d3cb8c0ab20fc55ea795c1',
    );
  });
});
