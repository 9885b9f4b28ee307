// Request bodies as XmlSerializer writes them, driven by the schema's order and XML hints.
import { type Shape, ValidationError } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { xmlCodec } from './index.js';

const NS = 'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const purchase: Shape = {
  type: 'object',
  name: 'AccountPurchase',
  properties: {
    Billing: { type: 'object', name: 'BillingInfo', properties: { Address: { type: 'string' }, Email: { type: 'string' } } },
    PurchaseID: { type: 'string' },
    Quantity: { type: 'number' },
    Paid: { type: 'boolean' },
    When: { type: 'string', format: 'date-time' },
    Note: { type: 'string' },
  },
};

describe('xmlCodec.encode', () => {
  it('names the root after the type, declares xsd/xsi, and writes elements in the schema order, not the input order', () => {
    const body = { Quantity: 2.5, PurchaseID: '9beb5f68-6493-4cc4-b55e-187541a9d22b', Billing: { Email: 'a@b.c', Address: '1 High St' }, Paid: false };
    expect(xmlCodec.encode(body, purchase)).toBe(
      `<AccountPurchase ${NS}><Billing><Address>1 High St</Address><Email>a@b.c</Email></Billing><PurchaseID>9beb5f68-6493-4cc4-b55e-187541a9d22b</PurchaseID><Quantity>2.5</Quantity><Paid>false</Paid></AccountPurchase>`,
    );
  });

  it('prefers xml.name for the root and members, and writes attributes and wrapped or repeated lists', () => {
    const shape: Shape = {
      type: 'object',
      xml: { name: 'order', namespace: 'urn:example' },
      properties: {
        id: { type: 'string', xml: { attribute: true } },
        lines: { type: 'array', xml: { name: 'Lines', wrapped: true }, items: { type: 'number', xml: { name: 'Qty' } } },
        tags: { type: 'array', items: { type: 'string', xml: { name: 'tag' } } },
      },
    };
    expect(xmlCodec.encode({ tags: ['a', 'b'], lines: [1, 2], id: 'o"1' }, shape)).toBe(
      `<order ${NS} xmlns="urn:example" id="o&quot;1"><Lines><Qty>1</Qty><Qty>2</Qty></Lines><tag>a</tag><tag>b</tag></order>`,
    );
  });

  it('leaves absent values out, writes null as xsi:nil, dates as ISO text and escapes markup', () => {
    const xml = xmlCodec.encode({ Billing: null, Note: 'Fish & <Chips> "ltd"\r\n', When: new Date(Date.UTC(2024, 2, 28, 21, 0, 58)), Quantity: undefined }, purchase);
    expect(xml).toBe(`<AccountPurchase ${NS}><Billing xsi:nil="true" /><When>2024-03-28T21:00:58.000Z</When><Note>Fish &amp; &lt;Chips&gt; "ltd"&#xD;\n</Note></AccountPurchase>`);
  });

  it('round-trips through decode to the same value', () => {
    const body = { Billing: { Address: ' 1 < 2 & 3 ', Email: 'ünïcødé@example.com' }, PurchaseID: 'p', Quantity: 1e21, Paid: true, Note: '' };
    expect(xmlCodec.decode(xmlCodec.encode(body, purchase), purchase)).toEqual(body);
  });

  it('rejects a character XML 1.0 cannot carry with a ValidationError naming the field and rule', () => {
    let error: unknown;
    try {
      xmlCodec.encode({ Billing: { Address: 'bell\u0007' } }, purchase);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'Billing.Address', rule: 'xmlChar', message: 'Billing.Address contains U+0007, which XML 1.0 cannot carry' }]);
  });

  it('refuses to guess a root name for a schema that has none', () => {
    expect(() => xmlCodec.encode({ a: 1 }, { type: 'object', properties: { a: { type: 'number' } } })).toThrow(/root element name/);
  });
});
