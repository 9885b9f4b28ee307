// ASP.NET Web API content negotiation: the request body is read by its Content-Type (JSON or XML); the answer
// takes the best format of `Accept`, else the request's own, else JSON, labelled with the media type matched
// (`application/json`, `text/json`, `application/xml` or `text/xml`: the four the help page lists). XML is
// written as XmlSerializer does: root named after the type with the xsd/xsi declarations, null members left out.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { json, parseJson, type SimRequest, type SimResponse, xml } from '../../types.js';

export type Format = 'json' | 'xml';

/** The answer's format and the media type it is labelled with: the one matched (`text/xml` asked, `text/xml` answered). */
export interface Negotiated {
  format: Format;
  mediaType: string;
}

const SERIALIZER_NAMESPACES = { '@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema', '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' };
const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ', suppressEmptyNode: true });
const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: false });

/** The four types the help page lists, as Web API's JSON and XML formatters support them. */
const MEDIA_TYPES: Readonly<Record<string, Format>> = { 'application/json': 'json', 'text/json': 'json', 'application/xml': 'xml', 'text/xml': 'xml' };
const DEFAULT_TYPE: Readonly<Record<Format, string>> = { json: 'application/json', xml: 'application/xml' };

const negotiated = (mediaType: string): Negotiated | undefined => {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  const format = Object.hasOwn(MEDIA_TYPES, base) ? MEDIA_TYPES[base] : undefined;
  return format ? { format, mediaType: base } : undefined;
};

export function requestFormat(req: SimRequest): Format | undefined {
  return negotiated(String(req.headers['content-type'] ?? ''))?.format;
}

export function responseFormat(req: SimRequest): Negotiated {
  const ranked = String(req.headers.accept ?? '')
    .split(',')
    .map((part, index) => ({ match: negotiated(part), q: Number(/;\s*q=([\d.]+)/.exec(part)?.[1] ?? 1), index }))
    .filter((c) => c.match && c.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.match ?? negotiated(String(req.headers['content-type'] ?? '')) ?? { format: 'json', mediaType: DEFAULT_TYPE.json };
}

/** The body as a plain object (XML: the root element's content, all values text), or undefined when unreadable. */
export function readBody(req: SimRequest, format: Format, rootName: string): Record<string, unknown> | undefined {
  if (format === 'json') {
    const body = parseJson(req.text);
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  }
  try {
    const doc = parser.parse(req.text, true) as Record<string, unknown>;
    const root = doc[rootName];
    return Object.keys(doc).length === 1 && root !== undefined ? (typeof root === 'object' && root ? (root as Record<string, unknown>) : {}) : undefined;
  } catch {
    return undefined;
  }
}

/** An answer in the negotiated format, labelled with the negotiated type; `root` names the XML document element. */
export function reply(answer: Negotiated, status: number, root: string, body: Record<string, unknown>, options: { namespaces?: boolean } = {}): SimResponse {
  const label = { 'content-type': `${answer.mediaType}; charset=utf-8` };
  if (answer.format === 'json') return json(status, body, label);
  const content = withoutNulls(body) as Record<string, unknown>;
  return xml(status, builder.build({ [root]: options.namespaces === false ? content : { ...SERIALIZER_NAMESPACES, ...content } }), label);
}

/** XmlSerializer writes nothing for a null reference. */
function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
}
