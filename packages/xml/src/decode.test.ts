// Decoding is driven by the schema: the same text becomes a number, a string or a list only where the
// schema says so.
import { DecodeError, type Shape } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { xmlCodec } from './index.js';

const order: Shape = {
  type: 'object',
  name: 'Order',
  properties: {
    Code: { type: 'string' },
    Count: { type: 'integer' },
    Price: { type: 'number', format: 'double' },
    Paid: { type: 'boolean' },
    Placed: { type: 'string', format: 'date-time' },
    Note: { type: 'string' },
    Invoice: { type: 'integer' },
    Lines: { type: 'array', xml: { wrapped: true }, items: { type: 'object', xml: { name: 'Line' }, properties: { Sku: { type: 'string' }, Qty: { type: 'number' } } } },
    Tags: { type: 'array', items: { type: 'string', xml: { name: 'Tag' } } },
    Id: { type: 'string', xml: { name: 'id', attribute: true } },
  },
};

const decode = (xml: string, shape: Shape | undefined = order) => xmlCodec.decode(xml, shape);
const decodeUntyped = (xml: string) => xmlCodec.decode(xml, undefined);

describe('xmlCodec.decode', () => {
  it('converts each value by its schema type, and keeps strings (even numeric-looking ones) as text', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Order xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="o-1">
  <Code>007</Code>
  <Count> 12 </Count>
  <Price>3.1</Price>
  <Paid>true</Paid>
  <Placed>2024-03-28T21:00:58.485847+00:00</Placed>
  <Note>  spaced &amp; escaped &lt;ok&gt; &#xE9;t&#233; <![CDATA[<raw>]]></Note>
</Order>`;
    expect(decode(xml)).toEqual({
      Id: 'o-1',
      Code: '007',
      Count: 12,
      Price: 3.1,
      Paid: true,
      Placed: '2024-03-28T21:00:58.485847+00:00',
      Note: '  spaced & escaped <ok> été <raw>',
    });
  });

  it('turns a single element into a one-item array where the schema says array, wrapped or not', () => {
    const one = decode('<Order><Lines><Line><Sku>A</Sku><Qty>1</Qty></Line></Lines><Tag>x</Tag></Order>');
    expect(one).toEqual({ Lines: [{ Sku: 'A', Qty: 1 }], Tags: ['x'] });
    const two = decode('<Order><Lines><Line><Sku>A</Sku></Line><Line><Sku>B</Sku><Qty>2.5</Qty></Line></Lines><Tag>x</Tag><Tag>y</Tag></Order>');
    expect(two).toEqual({ Lines: [{ Sku: 'A' }, { Sku: 'B', Qty: 2.5 }], Tags: ['x', 'y'] });
    expect(decode('<Order><Lines/></Order>')).toEqual({ Lines: [] });
  });

  it('leaves absent elements absent and reads xsi:nil as null', () => {
    const result = decode('<Order xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Code>c</Code><Invoice xsi:nil="true" /></Order>');
    expect(result).toEqual({ Code: 'c', Invoice: null });
    expect(result).not.toHaveProperty('Count');
    expect(result).not.toHaveProperty('Lines');
  });

  it('reads the infinities and NaN that XmlSerializer writes for a double', () => {
    expect(decode('<Order><Price>-INF</Price></Order>')).toEqual({ Price: Number.NEGATIVE_INFINITY });
    expect(decode('<Order><Price>NaN</Price></Order>')).toEqual({ Price: Number.NaN });
  });

  it('ignores elements the schema does not describe (their type could only be guessed)', () => {
    expect(decode('<Order><Code>c</Code><Extra><Deep>1</Deep></Extra></Order>')).toEqual({ Code: 'c' });
  });

  it('fails with a DecodeError naming the field when a value does not fit its type', () => {
    for (const [xml, reason] of [
      ['<Order><Count>12.5</Count></Order>', 'Order.Count: expected an integer, got "12.5"'],
      ['<Order><Price>0x1F</Price></Order>', 'Order.Price: expected a number, got "0x1F"'],
      ['<Order><Paid>yes</Paid></Order>', 'Order.Paid: expected true or false, got "yes"'],
      ['<Order><Code>a</Code><Code>b</Code></Order>', 'Order.Code: <Code> appears 2 times where the schema allows one'],
      ['<Order><Code><b>1</b></Code></Order>', 'Order.Code: expected a value, found child elements'],
    ] as const) {
      const error = (() => {
        try {
          decode(xml);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).message).toBe(`Could not decode the XML body: ${reason}`);
      expect((error as DecodeError).raw).toBe(xml);
    }
  });

  it('picks the schema variant by the root element, and refuses a root the schema does not name', () => {
    const sale: Shape = { type: 'object', xml: { name: 'sale' }, properties: { code: { type: 'string' } } };
    const failure: Shape = { type: 'object', xml: { name: 'error' }, properties: { errorId: { type: 'string' } } };
    const either: Shape = { type: 'any', variants: [sale, failure] };
    expect(decode('<sale><code>PS1</code></sale>', either)).toEqual({ code: 'PS1' });
    expect(decode('<error><errorId>InvalidTime</errorId></error>', either)).toEqual({ errorId: 'InvalidTime' });
    expect(() => decode('<Order/>', either)).toThrow('Could not decode the XML body: unexpected root element <Order> (expected <sale> or <error>)');
    expect(() => decode('<sale/>', order)).toThrow('unexpected root element <sale> (expected <Order>)');
  });

  it('reads a document with no schema (an error page) as text values under the root', () => {
    expect(decodeUntyped('<Error><Message>Authorization has been denied.</Message><Codes><C>1</C><C>2</C></Codes></Error>')).toEqual({
      Message: 'Authorization has been denied.',
      Codes: { C: ['1', '2'] },
    });
  });

  it('reads a document whose root is a scalar, such as <ztime>', () => {
    expect(decode('<?xml version="1.0" encoding="UTF-8"?><ztime>1271749821453</ztime>', { type: 'integer', xml: { name: 'ztime' } })).toBe(1271749821453);
  });
});
