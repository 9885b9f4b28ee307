// XML text carries no types: every value is converted by the schema's shape, never guessed. A single element
// becomes an array where the schema says array, absent elements stay absent, `xsi:nil` reads as null, and
// elements the schema does not describe are left out (their type could only be guessed).
import type { Shape } from '@creditkit/core';
import { conform, inexactNumber } from '@creditkit/core/internal';
import { arrayNames, memberName, rootName } from './names.js';
import { ATTRIBUTE_PREFIX, TEXT_NODE, type XmlDocument, type XmlNode } from './parse.js';

type Element = Record<string, XmlNode>;

/** The root element picks the schema: the shape itself, or the variant (`oneOf`) whose XML name it carries. */
export function decodeDocument(doc: XmlDocument, shape: Shape | undefined): unknown {
  if (!shape) return decodeNode(doc.content, undefined, doc.root);
  const candidates = shape.variants?.length ? shape.variants : [shape];
  const named = candidates.map(rootName);
  const match = candidates.find((s) => rootName(s) === doc.root) ?? (named.every((n) => n === undefined) ? shape : undefined);
  if (!match) throw new Error(`unexpected root element <${doc.root}> (expected <${named.filter(Boolean).join('> or <')}>)`);
  return decodeNode(doc.content, match, doc.root);
}

function decodeNode(node: XmlNode, shape: Shape | undefined, path: string): unknown {
  if (isNil(node)) return null;
  if (!shape || shape.type === 'any') return untyped(node);
  if (shape.type === 'object') return decodeObject(node, shape, path);
  // A document whose root is the list itself: the root element is the wrapper.
  if (shape.type === 'array') return decodeList(node, shape, shape.items?.xml?.name ?? shape.items?.name, path);
  return decodeScalar(textOf(node, path), shape, path);
}

function decodeObject(node: XmlNode, shape: Shape, path: string): unknown {
  if (!shape.properties) return untyped(node);
  if (typeof node === 'string') {
    if (node.trim() !== '') throw new Error(`${path}: expected child elements, found text`);
    return {};
  }
  const element = node as Element;
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(shape.properties)) {
    const at = `${path}.${key}`;
    let value: unknown;
    if (prop.xml?.attribute) {
      const raw = own(element, ATTRIBUTE_PREFIX + memberName(key, prop));
      if (raw !== undefined) value = decodeScalar(String(raw), prop, at);
    } else if (prop.type === 'array') {
      value = decodeArray(element, key, prop, at);
    } else {
      const name = memberName(key, prop);
      const child = own(element, name);
      if (Array.isArray(child)) throw new Error(`${at}: <${name}> appears ${child.length} times where the schema allows one`);
      if (child !== undefined) value = decodeNode(child, prop, at);
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function decodeArray(parent: Element, key: string, shape: Shape, path: string): unknown {
  const { wrapper, item } = arrayNames(key, shape);
  if (!wrapper) return decodeItems(own(parent, item), shape, path);
  const holder = own(parent, wrapper);
  if (holder === undefined) return undefined;
  // A second wrapper would be a second list where the schema has one: which one is the answer cannot be told.
  if (Array.isArray(holder)) throw new Error(`${path}: <${wrapper}> appears ${holder.length} times where the schema allows one`);
  if (isNil(holder)) return null;
  return decodeList(holder, shape, item, path);
}

/**
 * The items inside a list's wrapper element. Without an item name in the schema, the items are the wrapper's
 * children of one name (XmlSerializer names them after their type: `<ArrayOfInt><int>`). Text where items
 * are due is an error, never an empty list.
 */
function decodeList(holder: XmlNode, shape: Shape, item: string | undefined, path: string): unknown[] {
  if (typeof holder === 'string') {
    if (holder.trim() !== '') throw new Error(`${path}: expected list items, found text`);
    return [];
  }
  const element = holder as Element;
  if (String(own(element, TEXT_NODE) ?? '').trim() !== '') throw new Error(`${path}: expected list items, found text`);
  const children = Object.keys(element).filter((k) => !k.startsWith(ATTRIBUTE_PREFIX) && k !== TEXT_NODE);
  if (item === undefined && children.length > 1) throw new Error(`${path}: list items must share one element name, found <${children.join('>, <')}>`);
  const name = item ?? children[0];
  // Stryker disable next-line ConditionalExpression: equivalent, an element has no own key "undefined" that is not among its children.
  return (name === undefined ? undefined : decodeItems(own(element, name), shape, path)) ?? [];
}

/** One element where the schema says array is a list of one. */
function decodeItems(items: XmlNode, shape: Shape, path: string): unknown[] | undefined {
  if (items === undefined) return undefined;
  return (Array.isArray(items) ? items : [items]).map((n, i) => decodeNode(n, shape.items, `${path}[${i}]`));
}

function decodeScalar(text: string, shape: Shape, path: string): unknown {
  switch (shape.type) {
    case 'number':
    case 'integer': {
      const trimmed = text.trim();
      // XmlSerializer writes infinities and NaN of a double this way.
      const special = SPECIAL_NUMBERS[trimmed];
      // `1e400` is not XmlSerializer's INF: a finite number written past what a number can hold.
      const inexact = NUMERIC.test(trimmed) ? inexactNumber(trimmed, Number(trimmed)) : undefined;
      if (inexact) throw new Error(`${path}: ${inexact}`);
      const value = special ?? conform(trimmed, shape);
      if (typeof value !== 'number' || (shape.type === 'integer' && !Number.isInteger(value))) {
        throw new Error(`${path}: expected ${shape.type === 'integer' ? 'an integer' : 'a number'}, got ${quote(text)}`);
      }
      return value;
    }
    case 'boolean': {
      const value = conform(text.trim(), shape);
      if (typeof value !== 'boolean') throw new Error(`${path}: expected true or false, got ${quote(text)}`);
      return value;
    }
    default:
      // Strings, dates (kept as the ISO text the server sent, as the JSON path does), uuids.
      return text;
  }
}

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const SPECIAL_NUMBERS: Record<string, number> = { INF: Number.POSITIVE_INFINITY, '-INF': Number.NEGATIVE_INFINITY, NaN: Number.NaN };

/** A body with no schema (an error page): text stays text, repeated elements are lists, attributes drop. */
function untyped(node: XmlNode): unknown {
  if (Array.isArray(node)) return node.map((n) => untyped(n));
  if (typeof node === 'string') return node;
  if (isNil(node)) return null;
  const element = node as Element;
  const children = Object.keys(element).filter((k) => !k.startsWith(ATTRIBUTE_PREFIX) && k !== TEXT_NODE);
  if (!children.length) return String(element[TEXT_NODE] ?? '');
  // fromEntries defines own keys: even a `__proto__` element (which the parser refuses) could not set a prototype.
  return Object.fromEntries(children.map((name) => [name, untyped(element[name])]));
}

function textOf(node: XmlNode, path: string): string {
  if (typeof node === 'string') return node;
  const element = node as Element;
  if (Object.keys(element).some((k) => !k.startsWith(ATTRIBUTE_PREFIX) && k !== TEXT_NODE)) throw new Error(`${path}: expected a value, found child elements`);
  return String(element[TEXT_NODE] ?? '');
}

// Object(): text and lists carry no attributes, so they are never nil.
const isNil = (node: XmlNode): boolean => own(Object(node), `${ATTRIBUTE_PREFIX}nil`) === 'true';

const own = (element: Element, key: string): XmlNode => (Object.hasOwn(element, key) ? element[key] : undefined);

/**
 * A bad value, quoted whole or not at all: the codec does not know the client's secrets, so a cut here could
 * leave the head of an echoed key that the client's scrubber would no longer recognise.
 */
const quote = (text: string) => (text.length > MAX_QUOTE ? `a text of ${text.length} characters` : JSON.stringify(text));
const MAX_QUOTE = 40;
