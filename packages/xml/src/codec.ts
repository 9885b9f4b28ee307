// The `application/xml` codec: parse safely, then convert by the spec's shape; encode by the same shape.
import { type Codec, DecodeError } from '@creditkit/core';
import { decodeDocument } from './decode.js';
import { encodeXml } from './encode.js';
import { type XmlOptions, resolveLimits } from './options.js';
import { createParser, parseDocument } from './parse.js';

export function createXmlCodec(options: XmlOptions = {}): Codec {
  const parser = createParser(resolveLimits(options));
  return {
    mediaType: 'application/xml',
    encode: encodeXml,
    decode(text, shape) {
      try {
        return decodeDocument(parseDocument(parser, text), shape);
      } catch (error) {
        // One typed error for malformed, hostile and off-schema documents alike; core adds who and scrubs `raw`.
        throw new DecodeError(`Could not decode the XML body: ${error instanceof Error ? error.message : String(error)}`, { raw: text, cause: error });
      }
    },
  };
}

/** The codec with the default limits. */
export const xmlCodec: Codec = createXmlCodec();
