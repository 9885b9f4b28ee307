// What the document says is what the decoded value holds: an entity reference nobody declared is not text,
// and a number no JavaScript number can hold exactly is not rounded.
import { DecodeError, type Shape } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { xmlCodec } from './index.js';

const sale: Shape = {
  type: 'object',
  xml: { name: 'sale' },
  properties: { code: { type: 'string' }, id: { type: 'integer' }, total: { type: 'number' }, ref: { type: 'string', xml: { attribute: true } } },
};
const decode = (xml: string) => xmlCodec.decode(xml, sale);
function reason(xml: string): string {
  try {
    decode(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).raw).toBe(xml);
    return (error as DecodeError).message.replace('Could not decode the XML body: ', '');
  }
  return expect.unreachable(`decoded without an error: ${xml}`);
}

describe('XML entity references', () => {
  it('refuses a reference to an entity nobody declared, in text and in attributes', () => {
    expect(reason('<sale><code>&lol9;</code></sale>')).toBe("unresolved entity reference &lol9; (only XML's own and the DOCTYPE's are known)");
    expect(reason('<sale><code>PS&nbsp;1</code></sale>')).toContain('unresolved entity reference &nbsp;');
    expect(reason('<sale ref="&lol9;"><code>PS1</code></sale>')).toContain('unresolved entity reference &lol9;');
    expect(reason('<!DOCTYPE sale [<!ENTITY a "x">]><sale><code>&a;&lol9;</code></sale>')).toContain('&lol9;');
    // …while XML's own entities, character references, the DOCTYPE's entities and CDATA read as written.
    expect(decode('<sale ref="a&amp;b"><code>&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#x1F600; &amp;lol9;</code></sale>')).toEqual({ ref: 'a&b', code: `<>&"' éé😀 &lol9;` });
    expect(decode('<!DOCTYPE sale [<!ENTITY brand "Safe Creative">]><sale><code>&brand;</code></sale>')).toEqual({ code: 'Safe Creative' });
    expect(decode('<sale><code><![CDATA[&lol9; stays text]]></code></sale>')).toEqual({ code: '&lol9; stays text' });
  });

  it('refuses a character reference to a code point XML does not allow', () => {
    expect(reason('<sale><code>&#0;</code></sale>')).toBe('character reference &#0; is not an XML character');
    expect(reason('<sale><code>&#x110000;</code></sale>')).toBe('character reference &#x110000; is not an XML character');
    expect(reason('<sale><code>&#xD800;</code></sale>')).toContain('&#xD800;');
  });
});

describe('XML numbers', () => {
  it('refuses a finite number written past what a number can hold (1e400 is not INF)', () => {
    expect(reason('<sale><total>1e400</total></sale>')).toBe('sale.total: 1e400 is beyond the range of a number');
    expect(reason('<sale><total>-1E+999</total></sale>')).toBe('sale.total: -1E+999 is beyond the range of a number');
    for (const written of ['12.5e400', '1.e400', '.25e400', '0.5E309']) {
      expect(reason(`<sale><total>${written}</total></sale>`)).toBe(`sale.total: ${written} is beyond the range of a number`);
    }
    // Whitespace around the number is not part of it, in the reading and in the message.
    expect(reason('<sale><total>\n  1e400 </total></sale>')).toBe('sale.total: 1e400 is beyond the range of a number');
  });

  it("reads XmlSerializer's INF, -INF and NaN through whitespace, but not JavaScript's spellings, hex or a leading '+'", () => {
    expect(decode('<sale><total> INF\n</total></sale>')).toEqual({ total: Number.POSITIVE_INFINITY });
    expect(decode('<sale><total> NaN </total></sale>')).toEqual({ total: Number.NaN });
    expect(reason('<sale><total>Infinity</total></sale>')).toBe('sale.total: expected a number, got "Infinity"');
    expect(reason('<sale><id>INF</id></sale>')).toBe('sale.id: expected an integer, got "INF"');
    expect(reason('<sale><id>0x1F</id></sale>')).toBe('sale.id: expected an integer, got "0x1F"');
    expect(reason('<sale><total>+1e400</total></sale>')).toBe('sale.total: expected a number, got "+1e400"');
  });

  it('reads -0 as negative zero and an integer written with an exponent or a zero fraction as that integer', () => {
    expect(Object.is((decode('<sale><total>-0</total></sale>') as { total: number }).total, -0)).toBe(true);
    expect(decode('<sale><id>1e3</id><total>-.5</total></sale>')).toEqual({ id: 1000, total: -0.5 });
    expect(decode('<sale><id> 42.0 </id></sale>')).toEqual({ id: 42 });
  });

  it('refuses an integer past 2^53 - 1, which would be read as a neighbouring one', () => {
    expect(reason('<sale><id>9007199254740993</id></sale>')).toBe('sale.id: 9007199254740993 is beyond the safe integer range (2^53 - 1)');
    expect(reason('<sale><total>-9007199254740993</total></sale>')).toBe('sale.total: -9007199254740993 is beyond the safe integer range (2^53 - 1)');
    // The largest safe integer, and a large number written as one (with an exponent), read unchanged.
    expect(decode('<sale><id>9007199254740991</id><total>1.5e300</total></sale>')).toEqual({ id: 9_007_199_254_740_991, total: 1.5e300 });
  });
});
