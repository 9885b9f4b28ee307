// Reads one OpenAPI 3.1 spec into the plain model the emitters need: operations with their inputs,
// media types, security and idempotency class, and fully dereferenced JSON Schemas.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type JsonSchema = Record<string, unknown>;
type Obj = Record<string, any>;

export interface InputField {
  name: string;
  in: 'path' | 'query' | 'body' | 'header';
  /** Filled by the pipeline (auth) or fixed by the spec, so never part of the caller's input. */
  supplied?: 'auth' | 'const';
  value?: string;
}

export interface OperationModel {
  id: string;
  method: string;
  path: string;
  summary: string;
  requestMediaType?: string;
  requestMediaTypes: string[];
  responseMediaTypes: string[];
  successStatus: string;
  security: string[][];
  idempotency: { kind: 'safe' | 'key' | 'unsafe'; field?: string; generate?: string; conflictMeansDone?: boolean };
  bodyError?: Obj;
  fields: InputField[];
  inputSchema: JsonSchema;
  requestBodySchema?: JsonSchema;
  responseSchema?: JsonSchema;
  /** What a 2xx body must be once body-level errors are ruled out: the response schema without its error variants. */
  successSchema?: JsonSchema;
  extensions: Obj;
}

export interface SpecModel {
  file: string;
  doc: Obj;
  provider: Obj;
  servers: { url: string; environment: string; description?: string }[];
  securitySchemes: Obj;
  operations: OperationModel[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Reads `file`, or parses `text` as that file (a generator reads specs from its virtual tree). */
export function loadSpec(file: string, text = readFileSync(file, 'utf8')): SpecModel {
  const doc = parse(text) as Obj;
  const provider = doc['x-creditkit-provider'];
  if (!provider?.id) throw new Error(`${file}: x-creditkit-provider.id is required`);
  const deref = makeDeref(doc);
  const operations: OperationModel[] = [];
  for (const [path, item] of Object.entries<Obj>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) operations.push(readOperation(doc, deref, path, method, op, [...(item.parameters ?? []), ...(op.parameters ?? [])]));
    }
  }
  operations.sort((a, b) => a.id.localeCompare(b.id));
  return {
    file,
    doc,
    provider,
    servers: (doc.servers ?? []).map((s: Obj) => ({ url: s.url, environment: s['x-creditkit-environment'] ?? 'production', description: s.description })),
    securitySchemes: doc.components?.securitySchemes ?? {},
    operations,
  };
}

function readOperation(doc: Obj, deref: (s: unknown) => any, path: string, method: string, op: Obj, rawParams: Obj[]): OperationModel {
  if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path}: operationId is required`);
  const fields: InputField[] = [];
  const properties: Obj = {};
  const required: string[] = [];
  const dependentRequired: Obj = {};
  for (const raw of rawParams) {
    const p = deref(raw);
    const supplied = p['x-creditkit-supplied'] as InputField['supplied'] | undefined;
    const constValue = p.schema?.const;
    const field: InputField = { name: p.name, in: p.in };
    if (supplied) field.supplied = supplied;
    if (constValue !== undefined) Object.assign(field, { supplied: 'const', value: String(constValue) });
    fields.push(field);
    if (field.supplied) continue;
    properties[p.name] = stripDocs(p.schema ?? {});
    if (p.required) required.push(p.name);
  }
  const body = op.requestBody ? deref(op.requestBody) : undefined;
  const requestMediaTypes = Object.keys(body?.content ?? {});
  const requestMediaType = requestMediaTypes[0];
  let requestBodySchema: Obj | undefined;
  let additionalProperties: unknown = false;
  if (requestMediaType) {
    requestBodySchema = deref(body.content[requestMediaType].schema);
    for (const [name, schema] of Object.entries<Obj>(requestBodySchema?.properties ?? {})) {
      fields.push({ name, in: 'body' });
      properties[name] = stripDocs(schema);
    }
    required.push(...(requestBodySchema?.required ?? []));
    Object.assign(dependentRequired, requestBodySchema?.dependentRequired ?? {});
    additionalProperties = requestBodySchema?.additionalProperties ?? true;
  }
  Object.assign(dependentRequired, op['x-creditkit-dependent-required'] ?? {});
  const inputSchema: Obj = { type: 'object', properties, additionalProperties: stripDocs(additionalProperties) };
  if (required.length) inputSchema.required = required;
  if (Object.keys(dependentRequired).length) inputSchema.dependentRequired = dependentRequired;

  const [successStatus, success] = Object.entries<Obj>(op.responses ?? {}).find(([code]) => /^2/.test(code)) ?? ['200', {}];
  const successBody = deref(success);
  const responseMediaTypes = Object.keys(successBody?.content ?? {});
  const firstMedia = responseMediaTypes[0];
  const responseSchema = firstMedia ? deref(successBody.content[firstMedia].schema) : undefined;

  const declared = op['x-creditkit-idempotency'];
  const idempotency = declared ? { ...declared } : { kind: method === 'get' ? 'safe' : 'unsafe' };
  delete idempotency.reason;
  const security = (op.security ?? doc.security ?? []).map((req: Obj) => Object.keys(req));
  const extensions: Obj = {};
  for (const [k, v] of Object.entries(op)) if (k.startsWith('x-creditkit-') && !['x-creditkit-idempotency', 'x-creditkit-body-error', 'x-creditkit-dependent-required'].includes(k)) extensions[k.slice(12)] = v;

  return {
    id: op.operationId,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? '',
    requestMediaType,
    requestMediaTypes,
    responseMediaTypes,
    successStatus,
    security,
    idempotency,
    bodyError: op['x-creditkit-body-error'],
    fields,
    inputSchema,
    requestBodySchema,
    responseSchema,
    successSchema: responseSchema ? stripDocs(withoutErrorVariants(responseSchema)) : undefined,
    extensions,
  };
}

/**
 * Error documents that share the success status (`x-creditkit-error-variant`, Safe Creative's `<error>`) become
 * ProviderErrors before a body is checked, so the typed result is one of the other variants.
 */
function withoutErrorVariants(schema: Obj): Obj {
  const key = schema.oneOf ? 'oneOf' : schema.anyOf ? 'anyOf' : undefined;
  if (!key) return schema;
  const kept = (schema[key] as Obj[]).filter((v) => !v['x-creditkit-error-variant']);
  const { [key]: _dropped, ...rest } = schema;
  return kept.length === 1 && Object.keys(rest).length === 0 ? kept[0]! : { ...rest, [key]: kept };
}

/** Inlines every local `$ref` (the specs have no recursive schemas; a cycle is reported, not followed). */
export function makeDeref(doc: Obj) {
  const resolve = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
    return ref.slice(2).split('/').reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  };
  const walk = (node: unknown, seen: string[]): any => {
    if (Array.isArray(node)) return node.map((n) => walk(n, seen));
    if (!node || typeof node !== 'object') return node;
    const obj = node as Obj;
    if (typeof obj.$ref === 'string') {
      if (seen.includes(obj.$ref)) throw new Error(`recursive $ref: ${[...seen, obj.$ref].join(' -> ')}`);
      const { $ref, ...rest } = obj;
      const name = $ref.split('/').pop();
      const target = walk(resolve($ref), [...seen, $ref]);
      return { ...target, ...walk(rest, seen), 'x-creditkit-schema-name': name };
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(obj)) out[k] = walk(v, seen);
    return out;
  };
  return (node: unknown) => walk(node, []);
}

const DOC_KEYS = new Set(['description', 'example', 'examples', 'title', 'xml', 'deprecated', 'externalDocs']);

/** Drops documentation and vendor keys so Ajv's strict mode sees only validation keywords. */
export function stripDocs(node: unknown): any {
  if (Array.isArray(node)) return node.map(stripDocs);
  if (!node || typeof node !== 'object') return node;
  const out: Obj = {};
  for (const [k, v] of Object.entries(node as Obj)) {
    if (DOC_KEYS.has(k) || k.startsWith('x-')) continue;
    out[k] = k === 'properties' || k === 'dependentRequired' ? mapValues(v as Obj, stripDocs) : stripDocs(v);
  }
  return out;
}

function mapValues(obj: Obj, fn: (v: unknown) => unknown): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(obj)) out[k] = fn(v);
  return out;
}
