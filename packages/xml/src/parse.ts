// fast-xml-parser, configured not to guess and not to trust: every value stays text (the schema converts it),
// malformed documents are rejected whole, entity expansion and nesting are bounded, external entities and
// prototype-polluting names (`__proto__`, `constructor`, `prototype`) throw.
import { XMLParser } from 'fast-xml-parser';
import { createEntityDecoder } from './entities.js';
import type { XmlLimits } from './options.js';

/** What the parser yields for one element: its text, or an object of children, `@_` attributes and `#text`; a list of these for a repeated element. Never null or a number: values are not parsed (parser-output.test.ts). */
export type XmlNode = unknown;

export interface XmlDocument {
  root: string;
  content: XmlNode;
}

export const ATTRIBUTE_PREFIX = '@_';
export const TEXT_NODE = '#text';

export function createParser(limits: XmlLimits): XMLParser {
  // DOCTYPE entity declarations are read (and counted) by the parser, within these bounds; their references,
  // XML's own and character references are expanded by our decoder, which refuses any other (entities.ts).
  const entities = {
    enabled: true,
    maxEntityCount: 64,
    maxEntitySize: 4096,
  };
  return new XMLParser({
    parseTagValue: false,
    parseAttributeValue: false,
    // Whitespace inside a string value is data (XmlSerializer keeps it); numbers are trimmed when converted.
    trimValues: false,
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    textNodeName: TEXT_NODE,
    // `xsi:nil` reads as `nil`; `xmlns:*` declarations drop out.
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: entities,
    // One decoder per parser, reset by the parser for each document. (Ours also replaces the parser's default,
    // which rebuilt an entity table for every document: BENCHMARKS.md.)
    entityDecoder: createEntityDecoder(limits),
    // The parser counts the elements open above the one being opened: the root is depth 1.
    maxNestedTags: Math.max(0, limits.maxDepth - 1),
    strictReservedNames: true,
    // No callbacks read the element path: skip building it as a string for every text and attribute (~8% of
    // a 2sms decode).
    jPath: false,
  });
}

/** Parses and validates a whole document; exactly one root element. Throws on anything else. */
export function parseDocument(parser: XMLParser, text: string): XmlDocument {
  const parsed = parser.parse(text, true) as Record<string, XmlNode>;
  const roots = Object.keys(parsed);
  const [root] = roots;
  if (roots.length !== 1 || root === undefined || Array.isArray(parsed[root])) {
    throw new Error(`expected one root element, found ${roots.length ? roots.map((r) => `<${r}>`).join(', ') : 'none'}`);
  }
  return { root, content: parsed[root] };
}
