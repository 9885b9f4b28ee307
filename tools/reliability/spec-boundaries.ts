// Boundary cases read from the specs themselves: for every constraint of every operation's input, values just
// inside (which must be sent) and just outside (which must be refused with a ValidationError naming the field).
// Nothing here is listed by hand per provider: a constraint added to a spec gets its cases on the next run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';

type Schema = Record<string, any>;

export interface Boundary {
  /** `amount maximum 5000`. */
  name: string;
  /** The input field, dot-separated for nested ones (`Billing.Email`). */
  path: string;
  /** Values of the field that the spec allows (`undefined`: the field left out). */
  inside: unknown[];
  /** Values it does not allow (`undefined`: the field left out). */
  outside: unknown[];
  /** A field that must be left out along with this one (a both-or-neither pair), in the inside case. */
  alongWith?: string;
}

export interface OperationBoundaries {
  spec: string;
  operationId: string;
  /** The path template (`/v1/credits/{productId}/{licenseId}`) and its parameters. */
  path: string;
  pathParams: string[];
  boundaries: Boundary[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SEED = 20260808;

/** Every operation of every spec in `dir`, with its input's boundaries. */
export function specBoundaries(dir: string): OperationBoundaries[] {
  const out: OperationBoundaries[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.') && !f.startsWith('redocly')).sort()) {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as Schema;
    const deref = (s: Schema | undefined): Schema | undefined => (s?.$ref ? deref(pointer(doc, s.$ref)) : s);
    for (const [path, item] of Object.entries<Schema>(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item[method] as Schema | undefined;
        if (!op) continue;
        const pathParams = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Schema) => deref(p)!).filter((p) => p.in === 'path').map((p) => p.name as string);
        out.push({ spec: file.replace(/\.ya?ml$/, ''), operationId: op.operationId, path, pathParams, boundaries: operationBoundaries(op, deref) });
      }
    }
  }
  return out;
}

function operationBoundaries(op: Schema, deref: (s: Schema | undefined) => Schema | undefined): Boundary[] {
  const found: Boundary[] = [];
  const top: Record<string, { schema: Schema; required: boolean }> = {};
  for (const raw of op.parameters ?? []) {
    const p = deref(raw)!;
    // Filled by the client (auth, or a constant such as Safe Creative's `component`): not the caller's input.
    if (p['x-creditkit-supplied'] || p.schema?.const !== undefined) continue;
    top[p.name] = { schema: deref(p.schema) ?? {}, required: p.required === true };
  }
  const media = Object.values<Schema>(op.requestBody?.content ?? {})[0];
  const body = deref(media?.schema);
  if (body) {
    for (const [name, s] of Object.entries<Schema>(body.properties ?? {})) top[name] = { schema: deref(s)!, required: (body.required ?? []).includes(name) };
    if (body.additionalProperties === false) found.push(unknownField([]));
  }
  for (const [name, { schema, required }] of Object.entries(top)) {
    if (required) found.push({ name: `${name} required`, path: name, inside: [], outside: [undefined] });
    found.push(...fieldBoundaries(schema, [name], deref));
  }
  for (const [field, needs] of Object.entries<string[]>(op['x-creditkit-dependent-required'] ?? {})) {
    for (const other of needs) {
      // Both or neither: neither passes, one alone names the missing one.
      found.push({ name: `${field} needs ${other}`, path: field, inside: [undefined], outside: [], alongWith: other });
      found.push({ name: `${field} without ${other}`, path: other, inside: [], outside: [undefined] });
    }
  }
  return found;
}

const unknownField = (at: string[]): Boundary => ({ name: `${[...at, 'notAField'].join('.')} (additionalProperties: false)`, path: [...at, 'notAField'].join('.'), inside: [], outside: ['x'] });

function fieldBoundaries(raw: Schema, at: string[], deref: (s: Schema | undefined) => Schema | undefined): Boundary[] {
  const s = deref(raw)!;
  const path = at.join('.');
  const found: Boundary[] = [];
  const add = (rule: string, inside: unknown[], outside: unknown[]) => found.push({ name: `${path} ${rule}`, path, inside, outside });
  const types = ([] as string[]).concat(s.type ?? []);
  const integer = types.includes('integer');
  if (s.minimum !== undefined) {
    const m = s.minimum as number;
    add(`minimum ${m}`, [m, m + 1, ...(integer ? [] : [m + 0.01])], [m - 1, ...(integer ? [] : [m - 0.01])]);
  }
  if (s.maximum !== undefined) {
    const m = s.maximum as number;
    add(`maximum ${m}`, [m, m - 1, ...(integer ? [] : [m - 0.01])], [m + 1, ...(integer ? [] : [m + 0.01])]);
  }
  if (s.minLength !== undefined) add(`minLength ${s.minLength}`, [repeat(s.minLength), repeat(s.minLength + 1)], s.minLength > 0 ? [repeat(s.minLength - 1)] : []);
  if (s.maxLength !== undefined) add(`maxLength ${s.maxLength}`, [repeat(s.maxLength), repeat(Math.max(s.maxLength - 1, 1))], [repeat(s.maxLength + 1)]);
  if (s.enum) {
    const members = s.enum as string[];
    const outsiders = members.flatMap((m) => [m.toLowerCase(), `${m} `, `${m}X`]).filter((v) => !members.includes(v));
    add(`enum ${members.join('|')}`, members, [...new Set(['', ...outsiders])]);
  }
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    const inside = fc.sample(fc.stringMatching(re), { seed: SEED, numRuns: 20 }).filter((v) => /^[\x20-\x7e]+$/.test(v)).slice(0, 3);
    add(`pattern ${s.pattern}`, inside, justOutside(inside, re));
  }
  const formats = (s.anyOf ?? s.oneOf ?? [s]).map((b: Schema) => deref(b)?.format).filter(Boolean) as string[];
  if (formats.length) {
    const known = formats.map((f) => FORMATS[f] ?? fail(`no boundary values for format '${f}': add them to FORMATS`));
    // A value outside every branch: each format's outsiders, minus any another branch accepts.
    const inside = known.flatMap((k) => k.inside);
    add(`format ${formats.join('|')}`, inside, known.flatMap((k) => k.outside).filter((v) => !inside.includes(v)));
  }
  if (types.length) {
    const wrong = [42, '42', true, { x: 1 }].filter((v) => !types.some((t) => accepts(t, v)));
    add(`type ${types.join('|')}`, [], integer ? [...wrong, 1.5] : wrong);
  }
  if (s.type === 'object' && s.properties) {
    for (const [name, p] of Object.entries<Schema>(s.properties)) found.push(...fieldBoundaries(p, [...at, name], deref));
    if (s.additionalProperties === false) found.push(unknownField(at));
  }
  return found;
}

const FORMATS: Record<string, { inside: string[]; outside: string[] }> = {
  ipv4: { inside: ['0.0.0.0', '255.255.255.255', '203.0.113.9'], outside: ['256.255.255.255', '1.2.3', '1.2.3.4.5', ''] },
  ipv6: { inside: ['::1', '2001:db8::1', 'fe80::1:2:3:4'], outside: ['2001:db8:::1', '12345::', ':'] },
};

/** One-character edits of matching values that no longer match: the nearest outsiders of a pattern. */
function justOutside(inside: string[], re: RegExp): string[] {
  const out = new Set<string>();
  for (const v of inside) {
    for (let i = 0; i < v.length && out.size < 3 * (inside.indexOf(v) + 1); i++) {
      for (const c of ['g', ':', '-', ' ', 'Z']) {
        const edited = v.slice(0, i) + c + v.slice(i + 1);
        if (!re.test(edited)) {
          out.add(edited);
          break;
        }
      }
    }
    if (!re.test(v.slice(1))) out.add(v.slice(1));
  }
  return [...out];
}

function accepts(type: string, v: unknown): boolean {
  if (type === 'null') return v === null;
  if (type === 'integer') return Number.isInteger(v);
  if (type === 'object') return typeof v === 'object' && v !== null && !Array.isArray(v);
  return typeof v === type;
}

const repeat = (n: number) => 'a'.repeat(n);
const fail = (message: string): never => {
  throw new Error(message);
};

function pointer(doc: Schema, ref: string): Schema {
  return ref.replace(/^#\//, '').split('/').reduce<Schema>((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
