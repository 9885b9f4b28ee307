import type { Codec } from './codec.js';
import { conform } from './conform.js';
import { inexactJsonNumber } from './exact-number.js';

export const jsonCodec: Codec = {
  mediaType: 'application/json',
  encode: (body) => JSON.stringify(body),
  decode: (text, shape) => {
    if (text.trim() === '') return conform(undefined, shape);
    const value: unknown = JSON.parse(text);
    const inexact = inexactJsonNumber(text);
    if (inexact) throw new Error(`a number cannot be read exactly: ${inexact}`);
    return conform(value, shape);
  },
};
