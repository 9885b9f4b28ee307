// The signature algorithm against the derived test vectors of FACTS §1.6 (three implementations agree).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign, stringToSign } from './signature.js';

const params = (query: string) => [...new URLSearchParams(query)];

describe('Safe Creative signature', () => {
  it.each([
    ['V1', 'testprivatekey', 'component=authkey.create&sharedkey=fDsm8YO9SaupC5TChOsB6w&ztime=20081106141840', 'dee02e6c407b9e951ce2c4cc99034d52a6a535ab'],
    [
      'V2',
      '1f5lcps1hvpo7y1sw175y5qkp',
      'authkey=6i716m0pecao2morajk4b6xt9&component=user.newsale&service=PROFESSIONAL&returnurl=http%3A%2F%2Fexample.com%2Fsale-return&cancelurl=http%3A%2F%2Fexample.com%2Fsale-cancel&ztime=1470825332701',
      '32bdb916dda869c340d0c397628c2c5314677d38',
    ],
    ['V3', '1f5lcps1hvpo7y1sw175y5qkp', 'authkey=6i716m0pecao2morajk4b6xt9&component=user.newsale&service=PROFESSIONAL&promotioncode=SOME_GIFT_CODE&ztime=1470824468855', '7172ed2416f26e20d4d3cb8c0ab20fc55ea795c1'],
  ])('%s reproduces exactly', async (_id, privateKey, query, expected) => {
    await expect(sign(privateKey, params(query))).resolves.toBe(expected);
  });

  it('signs decoded values sorted by key, the private key first', () => {
    expect(stringToSign('pk', params('service=PROFESSIONAL&returnurl=http%3A%2F%2Fexample.com%2Fsale-return&authkey=a'))).toBe(
      'pk&authkey=a&returnurl=http://example.com/sale-return&service=PROFESSIONAL',
    );
  });

  it('sorts by code unit (upper case before lower case) and leaves out signature and debug-component', () => {
    expect(stringToSign('pk', [['b', '1'], ['returnUrl', 'x'], ['B', '2'], ['returnurl', 'y'], ['signature', 'old'], ['debug-component', 'signature.analysis']])).toBe(
      'pk&B=2&b=1&returnUrl=x&returnurl=y',
    );
  });

  it('keeps repeated keys in the order they were given (a stable sort)', () => {
    expect(stringToSign('pk', params('t=2&a=x&t=1&t=3'))).toBe('pk&a=x&t=2&t=1&t=3');
  });

  it('hashes the UTF-8 bytes of non-ASCII values (checked against node:crypto)', async () => {
    const value = 'ñandú & co = 100% + 😀';
    const expected = createHash('sha1').update(Buffer.from(`pk&q=${value}`, 'utf8')).digest('hex');
    await expect(sign('pk', [['q', value]])).resolves.toBe(expected);
  });
});
