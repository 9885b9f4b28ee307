import type { Plugin } from '@creditkit/core';
import { createXmlCodec } from './codec.js';
import type { XmlOptions } from './options.js';

/** Gives a client the `application/xml` codec (requests and responses), with its own parser limits; no hooks. */
export function xmlPlugin(options?: XmlOptions): Plugin {
  return { name: 'xml', codecs: { 'application/xml': createXmlCodec(options) } };
}
