// What the schema-driven decoder makes of each kind of node: untyped bodies (error pages), objects that are
// text, values that are elements, scalars with whitespace, wrapped lists that are empty or text, and the
// messages that point at the failing element. (Repeated wrappers, nil lists and list roots have their own tests.)
import { DecodeError, type Shape } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { xmlCodec } from './index.js';

const decode = (xml: string, shape?: Shape) => xmlCodec.decode(xml, shape);
const failure = (xml: string, shape?: Shape) => {
  try {
    decode(xml, shape);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return (error as Error).message.replace('Could not decode the XML body: ', '');
  }
  return expect.unreachable('should not decode');
};

const sale: Shape = { type: 'object', xml: { name: 'sale' }, properties: { code: { type: 'string' }, total: { type: 'number' }, count: { type: 'integer' }, paid: { type: 'boolean' } } };
const order: Shape = {
  type: 'object', xml: { name: 'order' },
  properties: { lines: { type: 'array', xml: { wrapped: true }, items: { type: 'object', xml: { name: 'line' }, properties: { sku: { type: 'string' } } } } },
};

describe('a body with no schema (an error page)', () => {
  it('keeps text as text, repeated elements as lists, drops attributes, reads xsi:nil as null', () => {
    expect(decode('<error code="7"><id>Boom</id><detail>a</detail><detail>b</detail><empty/><gone xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></error>')).toEqual({
      id: 'Boom', detail: ['a', 'b'], empty: '', gone: null,
    });
  });

  it('reads an element holding only attributes or only text as its text', () => {
    expect(decode('<r><a x="1">t</a><b y="2"/></r>')).toEqual({ a: 't', b: '' });
  });

  it('decodes an object schema without properties (a free-form object) as it would without a schema', () => {
    const meta: Shape = { type: 'object', xml: { name: 'meta' } };
    expect(decode('<meta><a>1</a><b><c>2</c><c>3</c></b></meta>', meta)).toEqual({ a: '1', b: { c: ['2', '3'] } });
  });

  it("decodes by a schema of type 'any' as it would without one", () => {
    expect(decode('<r><a>1</a></r>', { type: 'any' })).toEqual({ a: '1' });
  });
});

describe('objects and values in the wrong form', () => {
  it('an object element holding only whitespace is empty; holding text, it is refused', () => {
    expect(decode('<sale>  \n </sale>', sale)).toEqual({});
    expect(failure('<sale>oops</sale>', sale)).toBe('sale: expected child elements, found text');
  });

  it('a value element holding child elements is refused, naming it; attributes on a value are fine', () => {
    expect(failure('<sale><code><b>x</b></code></sale>', sale)).toBe('sale.code: expected a value, found child elements');
    expect(decode('<sale><code lang="en">PS1</code></sale>', sale)).toEqual({ code: 'PS1' });
    expect(failure('<sale><code lang="en"><b>x</b></code></sale>', sale)).toBe('sale.code: expected a value, found child elements');
  });

  it('an empty value element is the empty string', () => {
    expect(decode('<sale><code/></sale>', sale)).toEqual({ code: '' });
    expect(decode('<sale><code lang="en"/><paid>true</paid></sale>', sale)).toEqual({ code: '', paid: true });
  });
});

describe('scalars', () => {
  it('reads numbers, integers and booleans through surrounding whitespace, and INF as Infinity', () => {
    expect(decode('<sale><total> 3.5 </total><count>\n42\n</count><paid> true </paid></sale>', sale)).toEqual({ total: 3.5, count: 42, paid: true });
    expect(decode('<sale><total>-INF</total></sale>', sale)).toEqual({ total: Number.NEGATIVE_INFINITY });
  });

  it('refuses a non-number, a fraction where an integer is due, and a non-boolean, quoting a value of up to 40 characters whole', () => {
    expect(failure('<sale><count>4.5</count></sale>', sale)).toBe('sale.count: expected an integer, got "4.5"');
    expect(failure('<sale><total>lots</total></sale>', sale)).toBe('sale.total: expected a number, got "lots"');
    expect(failure('<sale><paid>yes</paid></sale>', sale)).toBe('sale.paid: expected true or false, got "yes"');
    expect(failure(`<sale><total>${'9x'.repeat(20)}</total></sale>`, sale)).toBe(`sale.total: expected a number, got "${'9x'.repeat(20)}"`);
    // Longer: described by its length, never cut (a cut could leave the head of a secret the codec cannot know).
    expect(failure(`<sale><total>${'9x'.repeat(20)}z</total></sale>`, sale)).toBe('sale.total: expected a number, got a text of 41 characters');
  });
});

describe('wrapped lists', () => {
  it('an empty wrapper is an empty list; a wrapper of text is no list; one item is a list of one', () => {
    expect(decode('<order><lines/></order>', order)).toEqual({ lines: [] });
    expect(() => decode('<order><lines>none</lines></order>', order)).toThrow('order.lines: expected list items, found text');
    expect(decode('<order><lines><line><sku>A</sku></line></lines></order>', order)).toEqual({ lines: [{ sku: 'A' }] });
  });

  it('names the failing item by its index', () => {
    const typed: Shape = { ...order, properties: { lines: { ...order.properties!.lines!, items: { type: 'integer', xml: { name: 'line' } } } } };
    expect(failure('<order><lines><line>1</line><line>x</line></lines></order>', typed)).toBe('order.lines[1]: expected an integer, got "x"');
  });
});

describe('the root element', () => {
  const error: Shape = { type: 'object', xml: { name: 'error' }, properties: { errorId: { type: 'string' } } };
  it('picks the variant the root names, and says which roots it expected otherwise', () => {
    const either: Shape = { type: 'any', variants: [sale, error] };
    expect(decode('<error><errorId>X</errorId></error>', either)).toEqual({ errorId: 'X' });
    expect(failure('<other/>', either)).toBe('unexpected root element <other> (expected <sale> or <error>)');
  });

  it('takes any root for a schema that names none, but not when only some variants name theirs', () => {
    const unnamed: Shape = { type: 'object', properties: { a: { type: 'string' } } };
    expect(decode('<whatever><a>1</a></whatever>', unnamed)).toEqual({ a: '1' });
    const mixed: Shape = { type: 'any', variants: [unnamed, error] };
    expect(failure('<whatever><a>1</a></whatever>', mixed)).toBe('unexpected root element <whatever> (expected <error>)');
  });
});
