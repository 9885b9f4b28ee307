// @creditkit/xml — XML bodies for creditkit clients, converted by the spec's schemas (never by guessing).
export { createXmlCodec, xmlCodec } from './codec.js';
export type { XmlOptions } from './options.js';
export { xmlPlugin } from './plugin.js';
