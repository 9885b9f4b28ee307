// Request bodies written as .NET's XmlSerializer writes them: the root named after the type (or `xml.name`)
// with the `xsd`/`xsi` namespace declarations, elements in the schema's property order, absent values left
// out, null as `xsi:nil="true"`, numbers and booleans in XML Schema's lexical forms.
import { type Issue, type Shape, ValidationError } from '@creditkit/core';
import { arrayNames, memberName, rootName } from './names.js';

const SERIALIZER_NAMESPACES = ' xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** Characters XML 1.0 cannot carry at all, not even as references. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding these control characters is the point.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

export function encodeXml(body: unknown, shape: Shape | undefined): string {
  const root = shape && rootName(shape);
  if (!shape || !root) throw new Error('An XML body needs a schema with a root element name (xml.name, or a named component)');
  return element(root, body, shape, '', SERIALIZER_NAMESPACES);
}

function element(name: string, value: unknown, shape: Shape | undefined, path: string, rootAttributes = ''): string {
  if (value === undefined) return '';
  const declared = rootAttributes + namespaceOf(shape);
  if (value === null) return tagged(name, shape, `${declared} xsi:nil="true"`, '');
  const { attributes, content } = shape?.type === 'object' && shape.properties ? members(value, shape, path) : { attributes: '', content: untyped(value, shape, path) };
  return tagged(name, shape, declared + attributes, content);
}

function tagged(name: string, shape: Shape | undefined, attributes: string, content: string): string {
  const tag = shape?.xml?.prefix ? `${shape.xml.prefix}:${name}` : name;
  return content === '' ? `<${tag}${attributes} />` : `<${tag}${attributes}>${content}</${tag}>`;
}

function members(value: unknown, shape: Shape, path: string): { attributes: string; content: string } {
  const record = (value ?? {}) as Record<string, unknown>;
  let attributes = '';
  let content = '';
  for (const [key, prop] of Object.entries(shape.properties ?? {})) {
    const v = Object.hasOwn(record, key) ? record[key] : undefined;
    if (v === undefined) continue;
    const at = path ? `${path}.${key}` : key;
    if (prop.xml?.attribute) attributes += ` ${memberName(key, prop)}="${escapeXml(scalar(v), at, true)}"`;
    else if (prop.type === 'array' && Array.isArray(v)) content += list(key, v, prop, at);
    else content += element(memberName(key, prop), v, prop, at);
  }
  return { attributes, content };
}

function list(key: string, items: readonly unknown[], shape: Shape, path: string): string {
  const { wrapper, item } = arrayNames(key, shape);
  const inner = items.map((v, i) => element(item, v, shape.items, `${path}[${i}]`)).join('');
  return wrapper ? tagged(wrapper, shape, namespaceOf(shape), inner) : inner;
}

/** Values the schema does not describe further: scalars as text, plain objects by their own keys. */
function untyped(value: unknown, shape: Shape | undefined, path: string): string {
  if (Array.isArray(value)) return value.map((v) => untyped(v, shape?.items, path)).join('');
  if (value instanceof Date || typeof value !== 'object' || value === null) return escapeXml(scalar(value), path);
  return Object.entries(value)
    .map(([k, v]) => {
      if (!XML_NAME.test(k)) throw invalid(`${path ? `${path}.` : ''}${k}`, 'xmlName', 'is not a valid XML element name');
      return Array.isArray(v) ? v.map((x) => element(k, x, undefined, `${path}.${k}`)).join('') : element(k, v, undefined, `${path}.${k}`);
    })
    .join('');
}

function scalar(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'INF' : '-INF';
  }
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function escapeXml(text: string, path: string, attribute = false): string {
  const bad = FORBIDDEN.exec(text);
  if (bad) throw invalid(path, 'xmlChar', `contains U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which XML 1.0 cannot carry`);
  const out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
  return attribute ? out.replace(/"/g, '&quot;').replace(/\n/g, '&#xA;').replace(/\t/g, '&#x9;') : out;
}

function namespaceOf(shape: Shape | undefined): string {
  const ns = shape?.xml?.namespace;
  if (!ns) return '';
  return shape.xml?.prefix ? ` xmlns:${shape.xml.prefix}="${ns}"` : ` xmlns="${ns}"`;
}

function invalid(path: string, rule: string, what: string): ValidationError {
  const issue: Issue = { path: path || 'input', rule, message: `${path || 'input'} ${what}` };
  return new ValidationError([issue]);
}
