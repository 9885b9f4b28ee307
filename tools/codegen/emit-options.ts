// Emits `<Name>GeneratedOptions`: the client options a spec alone decides (one per credential, with its env
// var, and `environment` as the union of the spec's servers), documented from the spec, so a package's
// hand-written index.ts restates none of it and adds only what is its own.
import { pascal } from './emit-client.js';
import type { SpecModel } from './spec-model.js';

const lit = (v: unknown) => JSON.stringify(v);

export function emitOptions(model: SpecModel): string {
  const { provider } = model;
  const name = `${provider.typeName ?? pascal(provider.id)}GeneratedOptions`;
  const members: string[] = [];
  for (const [option, credential] of Object.entries<Record<string, any>>(provider.credentials ?? {})) {
    if (typeof credential.description !== 'string' || !credential.description.trim()) {
      throw new Error(`${model.file}: x-creditkit-provider.credentials.${option}.description is required (it documents the option)`);
    }
    members.push(member([...paragraph(credential.description), '', `Default: env \`${credential.env}\`.`], `${key(option)}?: string;`));
  }
  if (model.servers.length) members.push(member(environmentDoc(model), `environment?: ${model.servers.map((s) => lit(s.environment)).join(' | ')};`));
  return `import type { ClientOptions } from '@creditkit/core';

/**
 * The options of ${provider.name ?? provider.id} that its spec decides: the credentials (each with its env var) and the
 * environments. The package's \`${provider.typeName ?? pascal(provider.id)}ClientOptions\` extends this with its own.
 */
export interface ${name} extends ClientOptions {
${members.join('\n')}
}
`;
}

function environmentDoc(model: SpecModel): string[] {
  const chosen = model.provider.defaultEnvironment ?? model.servers[0]?.environment;
  const lines = [`Which server to call. Default: \`${chosen}\`.`];
  for (const s of model.servers) {
    const note = serverNote(s.environment, s.description);
    lines.push(`- \`${s.environment}\`: ${s.url}${note ? ` — ${note}` : ''}`);
  }
  return lines;
}

/** A server's description without the environment name it usually opens with (`test (sandbox)` -> `sandbox`). */
function serverNote(environment: string, description: string | undefined): string {
  const text = (description ?? '').trim().replace(/\s+/g, ' ');
  if (text === environment) return '';
  const opening = `${environment} (`;
  return text.startsWith(opening) && text.endsWith(')') ? text.slice(opening.length, -1) : text;
}

/** A spec's multi-line description as comment lines. */
function paragraph(text: string): string[] {
  return text.trim().split('\n').map((line) => line.trimEnd());
}

function member(doc: string[], declaration: string): string {
  // A `*/` in a description would end the comment early.
  const body = doc.map((line) => (line ? `   * ${line.replace(/\*\//g, '*\\/')}` : '   *')).join('\n');
  return `  /**\n${body}\n   */\n  ${declaration}`;
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : lit(name));
