// Brings a decoded value to the types its schema declares: a numeric string where a number is due becomes a
// number (software_DNA's `Count`), "true"/"false" a boolean. Anything that does not convert cleanly is kept.
import type { Shape } from '../spec-types.js';

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function conform(value: unknown, shape: Shape | undefined): unknown {
  if (!shape || value === null || value === undefined) return value;
  switch (shape.type) {
    case 'number':
    case 'integer':
      return typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return Array.isArray(value) ? value.map((v) => conform(v, shape.items)) : value;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value) || !shape.properties) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = Object.hasOwn(shape.properties, k) ? conform(v, shape.properties[k]) : v;
      return out;
    }
    default:
      return value;
  }
}
