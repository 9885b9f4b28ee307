// Emits the provider descriptor (operation table + shapes + validators wired together) and the typed
// facade whose methods call `client.call(operation, input, options)`.
import type { SpecModel, OperationModel } from './spec-model.js';
import { toShape } from './shape.js';

const lit = (v: unknown) => JSON.stringify(v, null, 2);

export function emitProvider(model: SpecModel): string {
  const { provider } = model;
  const servers: Record<string, string> = {};
  for (const s of model.servers) servers[s.environment] = s.url;
  const schemes: Record<string, unknown> = {};
  for (const [name, s] of Object.entries<Record<string, any>>(model.securitySchemes)) {
    schemes[name] = compact({
      type: s.type,
      in: s.in,
      name: s.name,
      scheme: s.scheme,
      tokenUrl: s.flows?.clientCredentials?.tokenUrl,
      extension: s['x-creditkit-auth'],
    });
  }
  // A credential's `description` documents its option (generated/options.ts); the runtime table does without it.
  const credentials: Record<string, unknown> = {};
  for (const [name, { description: _doc, ...rest }] of Object.entries<Record<string, unknown>>(provider.credentials ?? {})) credentials[name] = rest;
  const ops = model.operations.map((op) => `  ${op.id}: ${emitOperation(op)},`).join('\n');
  return `import type { OperationSpec, ProviderSpec, Validator } from '@creditkit/core';
import * as validators from './validators.js';

export const spec = {
  id: ${lit(provider.id)},
  name: ${lit(provider.name ?? provider.id)},
  servers: ${indent(lit(servers))},
  defaultEnvironment: ${lit(provider.defaultEnvironment ?? model.servers[0]?.environment ?? 'production')},
  credentials: ${indent(lit(credentials))},
  securitySchemes: ${indent(lit(schemes))},
  retryHints: ${indent(lit(provider.retryHints ?? []))},
} as const satisfies ProviderSpec;

export const operations = {
${ops}
} as const satisfies Record<string, OperationSpec>;
`;
}

function emitOperation(op: OperationModel): string {
  const table = compact({
    id: op.id,
    method: op.method,
    path: op.path,
    summary: op.summary,
    requestMediaTypes: op.requestMediaTypes.length ? op.requestMediaTypes : undefined,
    responseMediaTypes: op.responseMediaTypes,
    security: op.security,
    idempotency: op.idempotency,
    bodyError: op.bodyError,
    fields: op.fields,
    requestShape: toShape(op.requestBodySchema),
    responseShape: toShape(op.responseSchema),
    extensions: Object.keys(op.extensions).length ? op.extensions : undefined,
  });
  const body = lit(table).slice(0, -1).trimEnd();
  const response = op.successSchema ? `\n  validateResponse: validators.validateResponse_${op.id} as Validator,` : '';
  return indent(`${body},\n  validate: validators.validate_${op.id} as Validator,${response}\n}`);
}

export function emitClient(model: SpecModel): string {
  const iface = `${model.provider.typeName ?? pascal(model.provider.id)}Operations`;
  const types: string[] = [];
  const methods: string[] = [];
  const binds: string[] = [];
  let usesComponents = false;
  for (const op of model.operations) {
    const T = pascal(op.id);
    const o = `Ops[${lit(op.id)}]`;
    const parts: string[] = [];
    for (const where of ['path', 'query', 'header'] as const) {
      const fields = op.fields.filter((f) => f.in === where);
      if (!fields.length) continue;
      const hidden = fields.filter((f) => f.supplied).map((f) => lit(f.name));
      const t = `NonNullable<${o}['parameters'][${lit(where)}]>`;
      parts.push(hidden.length ? `Omit<${t}, ${hidden.join(' | ')}>` : t);
    }
    if (op.requestMediaType) parts.push(`NonNullable<${o}['requestBody']>['content'][${lit(op.requestMediaType)}]`);
    const media = op.responseMediaTypes[0];
    const declared = media ? `${o}['responses'][${lit(Number(op.successStatus))}]['content'][${lit(media)}]` : 'undefined';
    // Error documents that share the success status (marked `x-creditkit-error-variant`) become ProviderErrors.
    const errors = errorVariants(op).map((name) => `components['schemas'][${lit(name)}]`);
    if (errors.length) usesComponents = true;
    types.push(`/** Input of \`${op.id}\` (${op.method} ${op.path}): the API's own field names. */
export type ${T}Input = Simplify<${parts.length ? parts.join(' & ') : 'Record<string, never>'}>;
/** Decoded result of \`${op.id}\`. */
export type ${T}Result = ${errors.length ? `Exclude<${declared}, ${errors.join(' | ')}>` : declared};`);
    methods.push(`  /** ${op.summary || op.id} — \`${op.method} ${op.path}\`, ${describeIdempotency(op)}. */
  ${op.id}(input: ${T}Input, options?: CallOptions): Promise<${T}Result>;`);
    binds.push(`    ${op.id}: (input, options) => client.call(operations.${op.id}, input, options) as Promise<${T}Result>,`);
  }
  return `import type { CallOptions, Client, Simplify } from '@creditkit/core';
import type { ${usesComponents ? 'components, ' : ''}operations as Ops } from './schema.js';
import { operations } from './provider.js';

${types.join('\n\n')}

/** Every operation of the ${model.provider.name ?? model.provider.id} spec, typed from it. */
export interface ${iface} {
${methods.join('\n')}
}

/** The typed methods of this spec's operations, each a call of \`client\` (what \`defineProvider\` builds the client from). */
export function bindOperations(client: Client): ${iface} {
  return {
${binds.join('\n')}
  };
}
`;
}

/** Component names of the success response's `oneOf`/`anyOf` members that describe an error body. */
function errorVariants(op: OperationModel): string[] {
  const schema = (op.responseSchema ?? {}) as Record<string, any>;
  const variants: Record<string, any>[] = schema.oneOf ?? schema.anyOf ?? [];
  return variants.filter((v) => v['x-creditkit-error-variant'] && v['x-creditkit-schema-name']).map((v) => v['x-creditkit-schema-name']);
}

function describeIdempotency(op: OperationModel): string {
  const i = op.idempotency;
  if (i.kind === 'safe') return 'safe to retry';
  if (i.kind === 'key') return `idempotent by \`${i.field}\``;
  return 'not idempotent: retried only when the request provably never reached the server';
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

const indent = (text: string) => text.replace(/\n/g, '\n  ');
export const pascal = (s: string) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase());
