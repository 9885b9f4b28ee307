// Brings a decoded value to the types its schema declares: a numeric string where a number is due becomes a
// number (software_DNA's `Count`), "true"/"false" a boolean. Anything that does not convert cleanly (or
// exactly: `"1e400"`, `"9007199254740993"`) is kept, and the response schema then refuses it.
import type { Shape } from '../spec-types.js';
import { inexactNumber } from './exact-number.js';

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Brings a decoded value to the types its shape declares (a numeric string to a number, `"true"` to a boolean);
 * anything that does not convert exactly is kept as it is, for the response schema to refuse.
 */
export function conform(value: unknown, shape: Shape | undefined): unknown {
  if (!shape || value === null || value === undefined) return value;
  switch (shape.type) {
    case 'number':
    case 'integer':
      return typeof value === 'string' && NUMERIC.test(value.trim()) && !inexactNumber(value, Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return Array.isArray(value) ? value.map((v) => conform(v, shape.items)) : value;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value) || !shape.properties) return value;
      const properties = shape.properties;
      // fromEntries defines own properties: a `"__proto__"` key in the body stays data, never the result's prototype.
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Object.hasOwn(properties, k) ? conform(v, properties[k]) : v]));
    }
    default:
      return value;
  }
}
