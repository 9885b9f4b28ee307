import type { Shape } from '../spec-types.js';

/** Turns bodies of one media type into text and back, guided by the spec's shape of the body. */
export interface Codec {
  readonly mediaType: string;
  encode(body: unknown, shape: Shape | undefined): string;
  decode(text: string, shape: Shape | undefined): unknown;
}

/** `application/xml; charset=utf-8` -> `application/xml`; `text/json` counts as JSON. */
export function essence(contentType: string | null | undefined): string {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (base === 'text/json' || base.endsWith('+json')) return 'application/json';
  if (base === 'text/xml' || base.endsWith('+xml')) return 'application/xml';
  return base;
}
