// The JSON Schema keywords a spec's request bodies use (type, required, properties, additionalProperties,
// enum, const, ranges, lengths, pattern, items, anyOf/oneOf), checked the way a vendor's server would check
// them: a list of field problems, empty when the value is acceptable. The mock ships no Ajv, so a stub
// simulator stays a few hundred bytes; a provider whose server is stricter writes its own checks.
export type Schema = Record<string, unknown>;

export interface SchemaProblem {
  /** Dotted path of the field (`address.city`), `body` for the whole document. */
  field: string;
  message: string;
}

export function checkSchema(schema: Schema, value: unknown, field = 'body'): SchemaProblem[] {
  const problem = (message: string): SchemaProblem[] => [{ field, message }];
  if ('const' in schema && !same(schema.const, value)) return problem(`must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => same(e, value))) return problem(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches && !branches.some((b) => checkSchema(b, value, field).length === 0)) return problem('matches none of the allowed forms');
  const types = schema.type === undefined ? undefined : ([] as unknown[]).concat(schema.type);
  if (types && !types.some((t) => hasType(t as string, value))) return problem(`must be of type ${types.join(' or ')}`);
  if (typeof value === 'number') return checkNumber(schema, value, field);
  if (typeof value === 'string') return checkString(schema, value, field);
  if (Array.isArray(value)) return value.flatMap((item, i) => (schema.items ? checkSchema(schema.items as Schema, item, `${field}[${i}]`) : []));
  if (value !== null && typeof value === 'object') return checkObject(schema, value as Record<string, unknown>, field);
  return [];
}

function checkObject(schema: Schema, value: Record<string, unknown>, field: string): SchemaProblem[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const at = (name: string) => (field === 'body' ? name : `${field}.${name}`);
  const missing = ((schema.required ?? []) as string[]).filter((name) => value[name] === undefined).map((name) => ({ field: at(name), message: 'is required' }));
  const checked = Object.entries(value).flatMap(([name, v]) => {
    if (properties[name]) return checkSchema(properties[name], v, at(name));
    if (schema.additionalProperties === false) return [{ field: at(name), message: 'is not a known field' }];
    return typeof schema.additionalProperties === 'object' ? checkSchema(schema.additionalProperties as Schema, v, at(name)) : [];
  });
  return [...missing, ...checked];
}

function checkNumber(schema: Schema, value: number, field: string): SchemaProblem[] {
  const bound = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const [min, max, xmin, xmax] = [bound('minimum'), bound('maximum'), bound('exclusiveMinimum'), bound('exclusiveMaximum')];
  if ((min !== undefined && value < min) || (xmin !== undefined && value <= xmin)) return [{ field, message: `must be ${min !== undefined ? `at least ${min}` : `more than ${xmin}`}` }];
  if ((max !== undefined && value > max) || (xmax !== undefined && value >= xmax)) return [{ field, message: `must be ${max !== undefined ? `at most ${max}` : `less than ${xmax}`}` }];
  return [];
}

function checkString(schema: Schema, value: string, field: string): SchemaProblem[] {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return [{ field, message: `must be at least ${schema.minLength} characters` }];
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return [{ field, message: `must be at most ${schema.maxLength} characters` }];
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return [{ field, message: `must match ${schema.pattern}` }];
  return [];
}

function hasType(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  return typeof value === type;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
