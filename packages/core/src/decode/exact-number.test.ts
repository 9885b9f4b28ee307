// JSON numbers are read exactly or not at all: JSON.parse would round 9007199254740993 to …992 and turn 1e400
// into Infinity without a word.
import { describe, expect, it } from 'vitest';
import { conform } from './conform.js';
import { jsonCodec } from './json-codec.js';

const decode = (text: string) => jsonCodec.decode(text, undefined);

describe('JSON numbers', () => {
  it('refuses an integer past 2^53 - 1 anywhere in the body, whatever its sign or depth', () => {
    expect(() => decode('{"product_id":9007199254740993}')).toThrow('a number cannot be read exactly: 9007199254740993 is beyond the safe integer range (2^53 - 1)');
    expect(() => decode('[{"a":{"b":[1,-9007199254740993]}}]')).toThrow('-9007199254740993 is beyond the safe integer range');
    expect(() => decode('{"n":12345678901234567890.5}')).toThrow('12345678901234567890.5 is beyond the safe integer range');
    // The largest safe integer, big exponents that fit, and long digit runs inside strings read unchanged.
    expect(decode('{"id":9007199254740991,"n":-9007199254740991,"f":1.5e300,"tiny":1e-400}')).toEqual({ id: 9_007_199_254_740_991, n: -9_007_199_254_740_991, f: 1.5e300, tiny: 0 });
    expect(decode('{"ref":"9007199254740993","quoted":"\\"1e400\\""}')).toEqual({ ref: '9007199254740993', quoted: '"1e400"' });
  });

  it('refuses a number written past what a number can hold', () => {
    expect(() => decode('{"status":{"status_code":1e400}}')).toThrow('a number cannot be read exactly: 1e400 is beyond the range of a number');
    expect(() => decode('[-2E+308]')).toThrow('-2E+308 is beyond the range of a number');
  });

  it('leaves a numeric string that cannot be read exactly as a string, for the response schema to refuse', () => {
    expect(conform('5', { type: 'number' })).toBe(5);
    expect(conform('9007199254740993', { type: 'number' })).toBe('9007199254740993');
    expect(conform('1e400', { type: 'integer' })).toBe('1e400');
  });
});
