// Hostile and broken documents end as one typed error, never as a crash, a half-parsed value or a polluted
// prototype.
import { DecodeError, type Shape } from '@creditkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createXmlCodec, xmlCodec } from './index.js';

const shape: Shape = { type: 'object', xml: { name: 'sale' }, properties: { code: { type: 'string' }, status: { type: 'string' } } };

function decodeError(text: string, codec = xmlCodec, s: Shape | undefined = shape): DecodeError {
  try {
    codec.decode(text, s);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return error as DecodeError;
  }
  throw new Error(`decoded without an error: ${text.slice(0, 80)}`);
}

afterEach(() => {
  // Nothing a document says may reach the prototype every object shares.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('XML safety', () => {
  it('rejects malformed documents whole, with the raw text for debugging', () => {
    for (const text of ['<sale><code>PS1</sale>', '<sale><code>PS1</code>', 'PS1', '', '<sale/><sale/>', '<sale/><error/>', '<sale a="1" a="2"/>']) {
      const error = decodeError(text);
      expect(error.message).toMatch(/^Could not decode the XML body: /);
      expect(error.raw).toBe(text);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('turns an element named %s into a DecodeError, with or without a schema', (name) => {
    const hostile = `<sale><${name}><polluted>yes</polluted></${name}><code>PS1</code></sale>`;
    expect(decodeError(hostile).message).toContain(name);
    expect(decodeError(hostile, xmlCodec, undefined).message).toContain(name);
    expect(decodeError(`<${name}><polluted>yes</polluted></${name}>`, xmlCodec, undefined).message).toContain(name);
  });

  it('bounds nesting depth', () => {
    const deep = `<sale>${'<a>'.repeat(40)}x${'</a>'.repeat(40)}</sale>`;
    expect(decodeError(deep, xmlCodec, undefined).message).toContain('Maximum nested tags exceeded');
    expect(createXmlCodec({ maxDepth: 64 }).decode(deep, shape)).toEqual({});
    const shallow = createXmlCodec({ maxDepth: 2 });
    expect(shallow.decode('<sale><code>PS1</code></sale>', shape)).toEqual({ code: 'PS1' });
    expect(decodeError('<sale><code><b>PS1</b></code></sale>', shallow, undefined).message).toContain('Maximum nested tags exceeded');
  });

  it('bounds entity expansion (billion laughs) but reads ordinary escapes of any number', () => {
    const big = 'x'.repeat(4000);
    const laughs = `<!DOCTYPE sale [<!ENTITY big "${big}">]><sale><code>${'&big;'.repeat(100)}</code></sale>`;
    expect(decodeError(laughs).message).toMatch(/Entity expansion|expanded/i);
    const many = `<sale><code>${'&amp;&#x41;'.repeat(5000)}</code></sale>`;
    expect((xmlCodec.decode(many, shape) as { code: string }).code).toBe('&A'.repeat(5000));
  });

  it('refuses external entities', () => {
    const external = '<!DOCTYPE sale [<!ENTITY ext SYSTEM "file:///etc/passwd">]><sale><code>&ext;</code></sale>';
    expect(decodeError(external).message).toContain('External entities are not supported');
  });

  it('keeps at most 2 KiB of a large body in the error', () => {
    const text = `<sale><code>${'y'.repeat(10_000)}</code>`;
    const error = decodeError(text);
    expect(error.raw).toBe(`${text.slice(0, 2048)}…`);
  });
});
