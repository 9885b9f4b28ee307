// The escaping itself, over any string: nothing a terminal acts on survives raw (line feeds only where the
// command keeps them), and JSON made safe still parses to the very same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSafe, oneLineSafe, terminalSafe } from './terminal-safe.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: these very characters are what the test looks for.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** Strings rich in controls, bidi marks and separators, among any other code points. */
const hostile = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\x1b]52;c;eA==\x07', '\r', '\n', '\u202e', '\u2066', '\u009b', '\x7f', '\u2028', '\x00')), { maxLength: 12 }).map((parts) => parts.join(''));

describe('terminal-safe escaping', () => {
  it('leaves no raw control or bidi character, and keeps only the line feeds it is told to', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(terminalSafe(text)).not.toMatch(RAW);
        expect(terminalSafe(text).split('\n').length).toBe(text.split('\n').length);
        expect(oneLineSafe(text)).not.toMatch(RAW);
        expect(oneLineSafe(text)).not.toContain('\n');
      }),
    );
  });

  it('keeps JSON exact: the escaped text parses to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostile, (value, text) => {
        const json = jsonSafe(JSON.stringify({ value, text }, null, 2));
        expect(json.replaceAll('\n', '')).not.toMatch(RAW);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
      }),
    );
  });

  it('shows what it escaped the way a reader expects', () => {
    expect(terminalSafe('a\r\x1b[2Kb\tc\n\u202Ed\u009b\x00')).toBe('a\\r\\x1b[2Kb\\tc\n\\u202ed\\x9b\\x00');
    expect(oneLineSafe('line 1\nhint: forged')).toBe('line 1\\nhint: forged');
  });
});
