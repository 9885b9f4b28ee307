import type { Codec } from './codec.js';
import { conform } from './conform.js';

export const jsonCodec: Codec = {
  mediaType: 'application/json',
  encode: (body) => JSON.stringify(body),
  decode: (text, shape) => conform(text.trim() === '' ? undefined : JSON.parse(text), shape),
};
