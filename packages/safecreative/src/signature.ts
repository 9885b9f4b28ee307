// Safe Creative's request signature (FACTS §1.4): the lowercase hex SHA-1 of
// `privateKey & k1=v1 & k2=v2 …`, pairs sorted by key in code-unit order, values raw (not URL-encoded).
// Plain SHA-1, not HMAC. Web Crypto keeps the package platform-neutral.

export type Param = readonly [key: string, value: string];

/** Parameters that are never part of the signed string. */
const UNSIGNED = new Set(['signature', 'debug-component']);

/** Sorted by key, comparing UTF-16 code units as Java's String.compareTo does (upper case first); stable. */
export const sortByKey = (params: Iterable<Param>): Param[] =>
  [...params].sort(([a], [b]) => {
    if (a < b) return -1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort only tests `compare < 0`, so 1 and 0 order alike in Node; the full comparator keeps the order defined on engines that also test `> 0`
    return a > b ? 1 : 0;
  });

/**
 * The text Safe Creative signs: `privateKey&k1=v1&k2=v2…`, the pairs sorted by key in code-unit order, values raw (not
 * URL-encoded), the unsigned parameters left out.
 */
export function stringToSign(privateKey: string, params: Iterable<Param>): string {
  const signed = sortByKey(params).filter(([key]) => !UNSIGNED.has(key));
  return [privateKey, ...signed.map(([key, value]) => `${key}=${value}`)].join('&');
}

/** The request signature: the lowercase hex SHA-1 (not HMAC) of {@link stringToSign}. */
export async function sign(privateKey: string, params: Iterable<Param>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(stringToSign(privateKey, params)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
