// What the generator needs from a spec, read once: the provider's names and credentials, and per operation the
// example call (input, the request it makes, the answer it gets) that the stubs, tests and scenario share.
import { loadSpec, makeDeref, type OperationModel, stripDocs } from '../../../../tools/codegen/spec-model.js';
import type { StubCredential } from '../../../mock/src/spec-stub/simulator.js';

type Obj = Record<string, any>;

export interface PlannedCredential {
  option: string;
  env: string;
  /** Where the request carries it, when the stub knows how to check that scheme. */
  carried?: StubCredential;
}

export interface PlannedOperation {
  id: string;
  method: string;
  /** The spec's path template. */
  path: string;
  summary: string;
  unsafe: boolean;
  idempotency: 'safe' | 'key' | 'unsafe';
  /** The example call's input: path and query parameters, then body fields (the client's input shape). */
  input: Record<string, unknown>;
  /** The path the example call requests, parameters filled in and encoded. */
  requestPath: string;
  /** Its path parameters, decoded, and its query parameters, as the server reads them. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** The JSON body the example call sends, when the operation has one. */
  body?: unknown;
  bodySchema?: Obj;
  /** A required input field, to leave out in the tests and the walkthrough's validation step. */
  required?: string;
  status: number;
  /** The example answer (the spec's, or one made from the response schema). */
  result: unknown;
  /** An input string field that can carry any short text, so one call can be found in the simulator's record. */
  tagField?: string;
}

export interface ProviderPlan {
  id: string;
  name: string;
  typeName: string;
  title: string;
  credentials: PlannedCredential[];
  servers: { url: string; environment: string; description?: string }[];
  defaultEnvironment: string;
  operations: PlannedOperation[];
}

const isJson = (mediaType: string | undefined) => mediaType === undefined || /^application\/([\w.-]+\+)?json$/.test(mediaType);

export function planProvider(specPath: string, text: string): ProviderPlan {
  const model = loadSpec(specPath, text);
  const { doc, provider } = model;
  const deref = makeDeref(doc);
  const credentials = Object.entries<Obj>(provider.credentials ?? {}).map(([option, c]): PlannedCredential => {
    const scheme = model.securitySchemes[c.scheme];
    const carried: StubCredential | undefined =
      scheme?.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')
        ? { in: scheme.in, name: scheme.name, option }
        : scheme?.type === 'http' && /^bearer$/i.test(scheme.scheme)
          ? { in: 'bearer', option }
          : undefined;
    return { option, env: c.env, ...(carried ? { carried } : {}) };
  });
  const operations = model.operations.map((op) => {
    if (!isJson(op.requestMediaType) || !isJson(op.responseMediaTypes[0])) {
      throw new Error(`${op.id}: the provider generator scaffolds JSON operations; ${op.requestMediaType ?? op.responseMediaTypes[0]} needs a hand-written simulator (see packages/mock/src/simulators/safecreative)`);
    }
    return planOperation(op, deref(doc.paths[op.path][op.method.toLowerCase()]) as Obj, deref(doc.paths[op.path].parameters ?? []) as Obj[]);
  });
  return {
    id: provider.id,
    name: provider.name ?? provider.id,
    typeName: provider.typeName ?? provider.id.replace(/^\w/, (c: string) => c.toUpperCase()),
    title: doc.info?.title ?? provider.name,
    credentials,
    servers: model.servers,
    defaultEnvironment: provider.defaultEnvironment ?? model.servers[0]?.environment ?? 'production',
    operations,
  };
}

function planOperation(op: OperationModel, raw: Obj, shared: Obj[]): PlannedOperation {
  const params = [...shared, ...(raw.parameters ?? [])].filter((p) => !p['x-creditkit-supplied'] && p.schema?.const === undefined);
  const input: Record<string, unknown> = {};
  for (const p of params) if (p.required || p.in === 'path') input[p.name] = p.example ?? p.schema?.example ?? sampleOf(p.schema ?? { type: 'string' });
  const pick = (where: string) => Object.fromEntries(params.filter((p) => p.in === where && p.name in input).map((p) => [p.name, String(input[p.name])]));
  const requestPath = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(input[name])));
  const media = raw.requestBody?.content?.[op.requestMediaType ?? ''];
  const body = op.requestBodySchema ? (media?.example ?? firstExample(media?.examples) ?? sampleOf(op.requestBodySchema)) : undefined;
  if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(input, body);
  const success = raw.responses?.[op.successStatus]?.content?.[op.responseMediaTypes[0] ?? ''];
  const result = success?.example ?? firstExample(success?.examples) ?? (op.successSchema ? sampleOf(op.successSchema) : null);
  const required = (op.requestBodySchema?.required as string[] | undefined)?.[0] ?? params.find((p) => p.required && p.in !== 'path')?.name;
  const properties = { ...(op.inputSchema.properties as Obj) };
  // Not a path parameter: a tag may hold a `/`. Long enough for the reliability tests' tags.
  const tagField = Object.keys(input).find((name) => {
    const s = properties[name] ?? {};
    return !(name in pick('path')) && s.type === 'string' && !s.enum && !s.pattern && !s.format && (s.maxLength ?? 64) >= 64;
  });
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    summary: op.summary,
    unsafe: op.idempotency.kind !== 'safe',
    idempotency: op.idempotency.kind,
    input,
    requestPath,
    params: pick('path'),
    query: pick('query'),
    ...(op.requestBodySchema ? { body, bodySchema: stripDocs(op.requestBodySchema) } : {}),
    ...(required ? { required } : {}),
    status: Number(op.successStatus),
    result,
    ...(tagField ? { tagField } : {}),
  };
}

const firstExample = (examples: Obj | undefined) => (examples ? Object.values<Obj>(examples)[0]?.value : undefined);

/** A value the schema accepts, for operations whose spec gives no example (the lint asks for them; this is a fallback). */
export function sampleOf(schema: Obj): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (branch) return sampleOf(branch);
  const type = ([] as unknown[]).concat(schema.type ?? (schema.properties ? 'object' : 'string')).find((t) => t !== 'null');
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Obj>;
    return Object.fromEntries(((schema.required ?? []) as string[]).map((name) => [name, sampleOf(props[name] ?? {})]));
  }
  if (type === 'array') return [];
  if (type === 'boolean') return true;
  if (type === 'integer' || type === 'number') return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}
