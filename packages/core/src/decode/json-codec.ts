import type { Codec } from './codec.js';
import { conform } from './conform.js';
import { inexactJsonNumber } from './exact-number.js';

/**
 * The `application/json` codec every client has. A number that a JS number cannot hold exactly (an integer past
 * 2^53 - 1, a value past its range) makes the body unreadable, never silently rounded.
 */
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
