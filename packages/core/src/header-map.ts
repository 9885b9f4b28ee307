// Headers as plain data: a record of lower-case names (no prototype, so a header named `constructor` or
// `__proto__` is just a header). Answers from node:http never build a WHATWG Headers (loading it costs Node's
// undici at first use); a Headers given by a fetch or a caller is read through the same two helpers.

/** Lower-case header names to values; repeated headers joined with `, ` as Headers.get does. */
export type HeaderMap = Readonly<Record<string, string>>;

/** Anything the pipeline reads headers from. */
export type HeaderSource = HeaderMap | { get(name: string): string | null; entries(): Iterable<[string, string]> };

const isHeaders = (h: HeaderSource): h is Exclude<HeaderSource, HeaderMap> => typeof (h as { get?: unknown }).get === 'function';

/** The value of `name` (any case), or null. */
export function headerOf(headers: HeaderSource | undefined, name: string): string | null {
  if (!headers) return null;
  if (isHeaders(headers)) return headers.get(name);
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : null;
}

/** [name, value] pairs of either form. */
export function headerEntries(headers: HeaderSource | undefined): Iterable<[string, string]> {
  if (!headers) return [];
  return isHeaders(headers) ? headers.entries() : Object.entries(headers);
}

/** A fresh HeaderMap from pairs of any case; a repeated name is joined with `, `. */
export function toHeaderMap(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of entries) appendHeader(out, name, value);
  return out;
}

/** Adds `name: value` to a map under its lower-case name, after any value already there (joined with `, `). */
export function appendHeader(out: Record<string, string>, name: string, value: string): void {
  const key = name.toLowerCase();
  out[key] = key in out ? `${out[key]}, ${value}` : value;
}

/** What Headers and node:http both carry unchanged: HTAB, visible ASCII, space and Latin-1 (no other control character). */
export const HEADER_SAFE_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Leading and trailing HTTP whitespace (tab, CR, LF, space), which Headers strips from a value. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** The value as a header carries it: without HTTP whitespace at either end. */
export const trimHeaderValue = (value: string): string => value.replace(EDGE_WHITESPACE, '');
