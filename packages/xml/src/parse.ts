// fast-xml-parser, configured not to guess and not to trust: every value stays text (the schema converts it),
// malformed documents are rejected whole, entity expansion and nesting are bounded, external entities and
// prototype-polluting names (`__proto__`, `constructor`, `prototype`) throw.
import { XMLParser } from 'fast-xml-parser';
import type { XmlLimits } from './options.js';

/** What the parser yields for one element: its text, or an object of children, `@_` attributes and `#text`. */
export type XmlNode = unknown;

export interface XmlDocument {
  root: string;
  content: XmlNode;
}

export const ATTRIBUTE_PREFIX = '@_';
const XML_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
export const TEXT_NODE = '#text';

export function createParser(limits: XmlLimits): XMLParser {
  // Only DOCTYPE-declared entities can amplify a document, so the limits apply to them alone (`appliesTo`,
  // read by the parser but missing from its typings); `&amp;` and character references expand to one char.
  const entities = {
    enabled: true,
    maxEntityCount: 64,
    maxEntitySize: 4096,
    maxTotalExpansions: limits.maxEntityExpansions,
    maxExpandedLength: limits.maxExpandedLength,
    appliesTo: 'external',
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
    // Decodes numeric character references (`&#xE9;`), which XML allows anywhere, with only XML's five named
    // entities: the full HTML table would be rebuilt for every document (it halved decode speed; BENCHMARKS.md).
    // (The parser accepts an entity table here; its typings only say boolean.)
    htmlEntities: XML_ENTITIES as unknown as boolean,
    processEntities: entities,
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
