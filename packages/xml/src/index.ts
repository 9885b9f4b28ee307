// @creditkit/xml — XML bodies for creditkit clients, converted by the spec's schemas (never by guessing).
/**
 * XML bodies for creditkit clients: a codec that converts by the spec's schemas (arrays, attributes, types), never
 * by guessing, with limits against hostile documents.
 *
 * @module
 */
export { createXmlCodec, xmlCodec } from './codec.js';
export type { XmlOptions } from './options.js';
export { xmlPlugin } from './plugin.js';
