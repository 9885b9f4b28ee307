// A compact, runtime-readable description of a schema: what decoders need (types, arrays, XML names)
// and nothing else, so that JSON and XML bodies are converted by the spec, never by guessing.
import type { JsonSchema } from './spec-model.js';

export interface Shape {
  type: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'any';
  name?: string;
  format?: string;
  xml?: { name?: string; attribute?: boolean; wrapped?: boolean; namespace?: string; prefix?: string };
  properties?: Record<string, Shape>;
  items?: Shape;
  variants?: Shape[];
}

export function toShape(schema: JsonSchema | undefined): Shape | undefined {
  if (!schema) return undefined;
  const s = schema as Record<string, any>;
  const out: Shape = { type: pickType(s) };
  if (s['x-creditkit-schema-name']) out.name = s['x-creditkit-schema-name'];
  if (s.format) out.format = s.format;
  if (s.xml && Object.keys(s.xml).length) out.xml = { ...s.xml };
  if (out.type === 'object' && s.properties) {
    out.properties = {};
    for (const [k, v] of Object.entries<JsonSchema>(s.properties)) out.properties[k] = toShape(v)!;
  }
  if (out.type === 'array' && s.items) out.items = toShape(s.items);
  const variants = s.oneOf ?? s.anyOf;
  if (variants) out.variants = variants.map((v: JsonSchema) => toShape(v)!);
  return out;
}

function pickType(s: Record<string, any>): Shape['type'] {
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const real = types.filter((t) => t !== 'null');
  if (real.length === 1) return real[0] as Shape['type'];
  if (!real.length && s.properties) return 'object';
  if (!real.length && s.items) return 'array';
  return 'any';
}
