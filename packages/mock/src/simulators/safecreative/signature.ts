// The server's side of the signature (FACTS §1.4), written independently of the client's: SHA-1 (not HMAC)
// of `privateKey&k=v&…` over the decoded parameters sorted by key, all but `signature` and `debug-component`.
import { createHash, timingSafeEqual } from 'node:crypto';

export function verifySignature(privateKey: string, params: URLSearchParams): boolean {
  const given = params.get('signature') ?? '';
  const pairs = [...params].filter(([key]) => key !== 'signature' && key !== 'debug-component');
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const wanted = createHash('sha1').update([privateKey, ...pairs.map(([k, v]) => `${k}=${v}`)].join('&'), 'utf8').digest('hex');
  return given.length === wanted.length && timingSafeEqual(Buffer.from(given), Buffer.from(wanted));
}
