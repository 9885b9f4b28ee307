// The entity decoder the parser calls for every text and attribute value (fast-xml-parser's `entityDecoder`
// option). It knows XML's five named entities, character references and the entities the document's own
// DOCTYPE declares (bounded, as billion-laughs defence). Any other reference (`&lol9;`, `&nbsp;`, `&#x110000;`)
// fails the document: the parser's own decoder would leave it in the value as text, as if the server had
// written those characters.
import type { XmlLimits } from './options.js';

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** A reference as XML writes it; a `&` that starts none is already refused by the validating parse. */
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[^\s&;<>"']+);/g;

export interface EntityDecoder {
  reset(): void;
  setXmlVersion(version: number): void;
  setExternalEntities(entities: Record<string, string>): void;
  addInputEntities(entities: Record<string, string>): void;
  decode(text: string): string;
}

export function createEntityDecoder(limits: Pick<XmlLimits, 'maxEntityExpansions' | 'maxExpandedLength'>): EntityDecoder {
  let declared = new Map<string, string>();
  let expansions = 0;
  let expandedLength = 0;

  const resolve = (name: string): string => {
    if (name.startsWith('#')) return character(name);
    if (Object.hasOwn(XML_ENTITIES, name)) return XML_ENTITIES[name]!;
    const value = declared.get(name);
    if (value === undefined) throw new Error(`unresolved entity reference &${name}; (only XML's own and the DOCTYPE's are known)`);
    // Only DOCTYPE entities can amplify a document; XML's own and character references expand to one character.
    expansions += 1;
    expandedLength += Math.max(0, value.length - name.length - 2);
    if (expansions > limits.maxEntityExpansions) throw new Error(`Entity expansion count limit exceeded: ${expansions} > ${limits.maxEntityExpansions}`);
    if (expandedLength > limits.maxExpandedLength) throw new Error(`Expanded content length limit exceeded: ${expandedLength} > ${limits.maxExpandedLength}`);
    return value;
  };

  return {
    reset() {
      declared = new Map();
      expansions = 0;
      expandedLength = 0;
    },
    setXmlVersion() {},
    setExternalEntities(entities) {
      if (Object.keys(entities ?? {}).length) throw new Error('External entities are not supported');
    },
    addInputEntities(entities) {
      for (const [name, value] of Object.entries(entities ?? {})) declared.set(name, String(value));
    },
    decode(text) {
      if (!text.includes('&')) return text;
      return text.replace(REFERENCE, (_reference, name: string) => resolve(name));
    },
  };
}

/** `#233` / `#xE9` -> `é`; a code point XML 1.0 does not allow as a character is an error, not a guess. */
function character(name: string): string {
  const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) throw new Error(`character reference &${name}; is not an XML character`);
  return String.fromCodePoint(code);
}
