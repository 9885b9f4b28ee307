import type { AttemptPlugin } from '@creditkit/core';
import { createXmlCodec } from './codec.js';
import type { XmlOptions } from './options.js';

/** Gives a client the `application/xml` codec (requests and responses); no middleware of its own. */
export function xmlPlugin(options?: XmlOptions): AttemptPlugin {
  return { name: 'xml', phase: 'attempt', tags: ['codec:xml'], codecs: { 'application/xml': createXmlCodec(options) } };
}
