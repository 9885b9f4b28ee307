import type { Shape } from '../spec-types.js';

/** Turns bodies of one media type into text and back, guided by the spec's shape of the body. */
export interface Codec {
  readonly mediaType: string;
  /** The body as text for the wire, shaped by the request schema when there is one. */
  encode(body: unknown, shape: Shape | undefined): string;
  /** The value a body's text holds, brought to the response schema's types when there is one. */
  decode(text: string, shape: Shape | undefined): unknown;
}

/** `application/xml; charset=utf-8` -> `application/xml`; `text/json` counts as JSON. */
export function essence(contentType: string | null | undefined): string {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (base === 'text/json' || base.endsWith('+json')) return 'application/json';
  if (base === 'text/xml' || base.endsWith('+xml')) return 'application/xml';
  return base;
}
