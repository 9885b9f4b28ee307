// Lists in XML have three ways to go quietly wrong: a wrapper written twice, a nil list, and a document
// whose root element is the list. Each either decodes to exactly what the document says or fails whole.
import { DecodeError, type Shape } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { xmlCodec } from './index.js';

const line: Shape = { type: 'object', name: 'Line', properties: { Sku: { type: 'string' }, Qty: { type: 'integer' } } };
const order: Shape = {
  type: 'object',
  name: 'Order',
  properties: {
    Code: { type: 'string' },
    Lines: { type: 'array', xml: { wrapped: true }, items: { ...line, xml: { name: 'Line' } } },
  },
};
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const decode = (xml: string, shape: Shape = order) => xmlCodec.decode(xml, shape);
function decodeError(xml: string, shape: Shape = order): DecodeError {
  try {
    decode(xml, shape);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return error as DecodeError;
  }
  return expect.unreachable(`decoded without an error: ${xml}`);
}

describe('XML lists', () => {
  it('refuses a wrapper element written twice: neither copy can be told to be the list', () => {
    const twice = '<Order><Lines><Line><Sku>A</Sku></Line></Lines><Lines><Line><Sku>B</Sku></Line></Lines></Order>';
    expect(decodeError(twice).message).toBe('Could not decode the XML body: Order.Lines: <Lines> appears 2 times where the schema allows one');
    expect(decodeError('<Order><Lines/><Lines/></Order>').message).toContain('<Lines> appears 2 times');
  });

  it('reads xsi:nil on a list as null, an empty wrapper as [], and an absent one as absent', () => {
    expect(decode(`<Order ${XSI}><Code>c</Code><Lines xsi:nil="true"/></Order>`)).toEqual({ Code: 'c', Lines: null });
    expect(decode(`<Order ${XSI}><Lines xsi:nil="true"></Lines></Order>`)).toEqual({ Lines: null });
    expect(decode('<Order><Lines/></Order>')).toEqual({ Lines: [] });
    expect(decode('<Order><Lines>\n  </Lines></Order>')).toEqual({ Lines: [] });
    expect(decode('<Order><Code>c</Code></Order>')).toEqual({ Code: 'c' });
  });

  it('refuses text where a list of items is due, instead of reading it as an empty list', () => {
    expect(decodeError('<Order><Lines>not a list</Lines></Order>').message).toBe('Could not decode the XML body: Order.Lines: expected list items, found text');
    expect(decodeError('<Order><Lines>junk<Line><Sku>A</Sku></Line></Lines></Order>').message).toContain('Order.Lines: expected list items, found text');
  });

  describe('a document whose root element is the list', () => {
    const lines: Shape = { type: 'array', items: line };

    it('reads the items the schema names, one or many, typed', () => {
      expect(decode('<ArrayOfLine><Line><Sku>A</Sku><Qty>1</Qty></Line><Line><Sku>B</Sku><Qty>2</Qty></Line></ArrayOfLine>', lines)).toEqual([
        { Sku: 'A', Qty: 1 },
        { Sku: 'B', Qty: 2 },
      ]);
      expect(decode(`<ArrayOfLine ${XSI}>\n  <Line><Sku>A</Sku></Line>\n</ArrayOfLine>`, lines)).toEqual([{ Sku: 'A' }]);
      expect(decode('<ArrayOfLine />', lines)).toEqual([]);
      expect(decode(`<ArrayOfLine ${XSI} xsi:nil="true" />`, lines)).toBeNull();
    });

    it('reads items the schema does not name by their one shared element name, as XmlSerializer writes them', () => {
      const ints: Shape = { type: 'array', items: { type: 'integer' } };
      expect(decode('<ArrayOfInt><int>1</int><int>2</int><int>3</int></ArrayOfInt>', ints)).toEqual([1, 2, 3]);
      expect(decode('<ArrayOfInt><int>7</int></ArrayOfInt>', ints)).toEqual([7]);
      expect(decodeError('<ArrayOfInt><int>1</int><long>2</long></ArrayOfInt>', ints).message).toBe(
        'Could not decode the XML body: ArrayOfInt: list items must share one element name, found <int>, <long>',
      );
      expect(decodeError('<ArrayOfInt><int>x</int></ArrayOfInt>', ints).message).toBe('Could not decode the XML body: ArrayOfInt[0]: expected an integer, got "x"');
    });

    it('refuses a root list holding text', () => {
      expect(decodeError('<ArrayOfLine>garbage</ArrayOfLine>', lines).message).toBe('Could not decode the XML body: ArrayOfLine: expected list items, found text');
    });

    it('reads a root list holding only whitespace as empty', () => {
      expect(decode('<ArrayOfLine>\n  \n</ArrayOfLine>', lines)).toEqual([]);
    });

    it("reads only the items of the schema's item name (xml.name, else the component name), leaving other elements out", () => {
      const renamed: Shape = { type: 'array', items: { ...line, xml: { name: 'LineItem' } } };
      const doc = '<ArrayOfLine><LineItem><Sku>A</Sku></LineItem><Note>x</Note><LineItem><Sku>B</Sku></LineItem></ArrayOfLine>';
      expect(decode(doc, renamed)).toEqual([{ Sku: 'A' }, { Sku: 'B' }]);
      expect(decode('<ArrayOfLine><Line><Qty>3</Qty></Line><Note>x</Note></ArrayOfLine>', lines)).toEqual([{ Qty: 3 }]);
      // None of the named items: an empty list, not the other elements.
      expect(decode('<ArrayOfLine><Note>x</Note></ArrayOfLine>', lines)).toEqual([]);
    });

    it('reads unnamed items past the attributes and whitespace around them', () => {
      const ints: Shape = { type: 'array', items: { type: 'integer' } };
      expect(decode('<ArrayOfInt count="2">\n  <int>1</int>\n  <int>2</int>\n</ArrayOfInt>', ints)).toEqual([1, 2]);
      expect(decode('<ArrayOfInt count="0"/>', ints)).toEqual([]);
      expect(decode('<ArrayOfInt count="0">\n</ArrayOfInt>', ints)).toEqual([]);
    });

    it('reads the items of a list schema without an item schema as untyped text', () => {
      expect(decode('<ArrayOfString><string>a</string><string> 2 </string></ArrayOfString>', { type: 'array' })).toEqual(['a', ' 2 ']);
    });
  });
});
