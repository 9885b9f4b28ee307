// Element names from the spec's `xml` hints (OpenAPI XML Object), with XmlSerializer's defaults.
import type { Shape } from '@creditkit/core';

/** The document element: the schema's `xml.name`, else its component name (XmlSerializer names the root after the type). */
export const rootName = (shape: Shape): string | undefined => shape.xml?.name ?? shape.name;

/** A property's element or attribute name: `xml.name`, else the property's own name. */
export const memberName = (key: string, shape: Shape): string => shape.xml?.name ?? key;

/**
 * An array property is either one wrapper element holding the items (`xml.wrapped`), or the items repeated
 * in place. Items take `items.xml.name`; without it, the array's own name (OpenAPI's rule).
 */
export function arrayNames(key: string, shape: Shape): { wrapper?: string; item: string } {
  const outer = memberName(key, shape);
  if (shape.xml?.wrapped) return { wrapper: outer, item: shape.items?.xml?.name ?? outer };
  return { item: shape.items?.xml?.name ?? key };
}
