// What the decoder may assume about the parser's output (decode.ts relies on it, with no guard of its own):
// every node is text, an element object or a list of those, never null or a number; and the names that could
// reach a prototype (`__proto__`, `constructor`, `prototype`) never become element keys, they are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveLimits } from './options.js';
import { createParser, parseDocument } from './parse.js';

const parser = createParser(resolveLimits({}));

/** Every node below the root: text, a plain object of nodes, or a list of text and objects (never nested lists). */
function expectTextOrElements(node: unknown, inList = false): void {
  if (typeof node === 'string') return;
  expect(node, 'a node is text, an element or a list').toBeTypeOf('object');
  expect(node).not.toBeNull();
  if (Array.isArray(node)) {
    expect(inList, 'a list inside a list').toBe(false);
    for (const n of node) expectTextOrElements(n, true);
    return;
  }
  expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
  for (const n of Object.values(node as object)) expectTextOrElements(n);
}

const tag = fc.constantFrom('a', 'b', 'Line', 'int', 'nil');
const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(tag, fc.array(fc.tuple(fc.constantFrom('x', 'nil', 'count'), fc.constantFrom('', '1', 'true', 'null', '0x1F')), { maxLength: 2 }), fc.array(fc.oneof(fc.constantFrom('', ' ', '7', 'null', 'true', '-0', '1e400', '<![CDATA[]]>'), tie('element')), { maxLength: 3, depthIdentifier: 'tree' }))
    .map(([name, attributes, children]) => {
      const unique = [...new Map(attributes).entries()];
      return `<${name}${unique.map(([a, v]) => ` ${a}="${v}"`).join('')}>${children.join('')}</${name}>`;
    }),
}));

describe('the parser, as the decoder relies on it', () => {
  it('yields text, element objects and lists of them: no null, number or boolean, empty or not', () => {
    for (const text of ['<r/>', '<r></r>', '<r x="1"/>', '<r>7</r>', '<r><a/><a></a><a>null</a><a>true</a></r>', '<r><a x="1"/>\n<a>2</a></r>', '<r><![CDATA[]]></r>']) {
      expectTextOrElements(parseDocument(parser, text).content);
    }
    expect(parseDocument(parser, '<r><a/><a>7</a><b x="1"/></r>').content).toEqual({ a: ['', '7'], b: { '@_x': '1' } });
    fc.assert(fc.property(element, (doc) => expectTextOrElements(parseDocument(parser, doc).content)), { seed: 20_261_130, numRuns: 300 });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses an element named %s, plain or namespaced, anywhere in the document', (name) => {
    for (const text of [`<${name}/>`, `<r><${name}>x</${name}></r>`, `<r><a><${name}><b>1</b></${name}></a></r>`, `<r><p:${name} xmlns:p="urn:p"/></r>`]) {
      expect(() => parseDocument(parser, text)).toThrow(name);
    }
    // As an attribute it is a prefixed key, which the decoder drops or reads by its prefixed name only.
    expect(parseDocument(parser, `<r ${name}="1"/>`).content).toEqual({ [`@_${name}`]: '1' });
  });
});
