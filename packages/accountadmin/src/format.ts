// `format: 'xml'` is the friendly face of core's `mediaType` option: it picks the request Content-Type and
// the Accept header, and the result is the same typed object either way.
import { ConfigurationError } from '@creditkit/core';

const MEDIA_TYPES = { json: 'application/json', xml: 'application/xml' } as const;

/** The body format of 2sms requests and answers (option `format`): `json` or `xml`. */
export type WireFormat = keyof typeof MEDIA_TYPES;

export function withFormat<T extends { format?: WireFormat; mediaType?: string }>(options: T): Omit<T, 'format'> {
  const { format, ...rest } = options;
  if (format === undefined) return rest;
  if (!Object.hasOwn(MEDIA_TYPES, format)) {
    throw new ConfigurationError(`2sms AccountAdmin: unknown format '${String(format)}' (choose json or xml)`, { provider: 'accountadmin', option: 'format' });
  }
  return { ...rest, mediaType: MEDIA_TYPES[format] };
}
