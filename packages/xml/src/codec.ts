// The `application/xml` codec: parse safely, then convert by the spec's shape; encode by the same shape.
import { DecodeError } from '@creditkit/core';
import type { Codec } from '@creditkit/core/internal';
import { decodeDocument } from './decode.js';
import { encodeXml } from './encode.js';
import { type XmlOptions, resolveLimits } from './options.js';
import { createParser, parseDocument } from './parse.js';

/**
 * An `application/xml` codec with these parser limits, converting by the spec's schemas (arrays, attributes, types),
 * never by guessing.
 */
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
        // The parser's message can quote every open tag (megabytes for a hostile body): keep its start only.
        const reason = error instanceof Error ? error.message : String(error);
        const cause = reason.length > MAX_MESSAGE ? new Error(clip(reason)) : error;
        throw new DecodeError(`Could not decode the XML body: ${clip(reason)}`, { raw: text, cause });
      }
    },
  };
}

const MAX_MESSAGE = 300;

/**
 * The parser's message, at most MAX_MESSAGE long. Its quoted parts come from the document (tag and attribute
 * names), and the codec does not know the client's secrets: a long message loses its quoted parts whole before
 * it is cut, so no cut leaves the head of an echoed key.
 */
function clip(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const unquoted = message.replace(/'[^']*'|"[^"]*"/g, "'…'");
  return unquoted.length > MAX_MESSAGE ? `${unquoted.slice(0, MAX_MESSAGE)}…` : unquoted;
}

/** The codec with the default limits. */
export const xmlCodec: Codec = createXmlCodec();
