// A simulator scaffolded from a spec (`nx g @creditkit/nx-plugin:provider`): it routes the spec's operations,
// checks the credentials where the security schemes put them, checks a JSON body against the operation's
// schema, and answers the spec's example. A starting point: the vendor's own behaviour (state, its error
// documents, its rate limits) replaces it piece by piece, as packages/mock/src/simulators/finerworks does.
import { json, parseJson, type SimRequest, type SimResponse, type Simulator } from '../types.js';
import { checkSchema, type Schema } from './schema-check.js';

/** Where a request carries one credential: a header or query parameter (`apiKey`), or `Authorization: Bearer`. */
export type StubCredential = { in: 'header' | 'query'; name: string; option: string } | { in: 'bearer'; option: string };

/** One operation of the spec, as the stub needs it (written by the generator into the simulator's operations.ts). */
export interface StubOperation {
  id: string;
  method: string;
  /** The spec's path template, `/v1/credits/{productId}`. */
  path: string;
  /** Not `safe` in the spec: each accepted call is a purchase (counted in `accepted`). */
  unsafe: boolean;
  credentials: readonly StubCredential[];
  /** The JSON request body's schema, when the operation takes one. */
  body?: Schema;
  /** The success status and the example the spec gives for it. */
  status: number;
  example: unknown;
}

export interface AcceptedCall {
  operation: string;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  body: unknown;
  unsafe: boolean;
}

export interface SpecStubSimulator extends Simulator {
  /** Every call the stub answered with success, in order. */
  readonly accepted: AcceptedCall[];
}

export function createSpecStubSimulator(id: string, operations: readonly StubOperation[], credentials: Record<string, string>): SpecStubSimulator {
  const routes = operations.map((op) => ({ op, ...template(op.path) }));
  const accepted: AcceptedCall[] = [];

  function handle(req: SimRequest): SimResponse {
    const onPath = routes.filter((r) => r.pattern.test(req.path));
    if (!onPath.length) return json(404, { message: `no resource at ${req.path}` });
    const route = onPath.find((r) => r.op.method === req.method);
    if (!route) return json(405, { message: `${req.method} is not allowed on ${req.path}` });
    const { op } = route;
    if (!op.credentials.every((c) => carried(req, c) === credentials[c.option])) return json(401, { message: 'missing or wrong credentials' });
    let body: unknown;
    if (op.body) {
      body = parseJson(req.text);
      const problems = body === undefined ? [{ field: 'body', message: 'must be a JSON document' }] : checkSchema(op.body, body);
      if (problems.length) return json(400, { message: 'the request is invalid', errors: problems });
    }
    const values = route.pattern.exec(req.path)!.slice(1).map((v) => decodeURIComponent(v));
    accepted.push({ operation: op.id, params: Object.fromEntries(route.names.map((name, i) => [name, values[i]!])), body, unsafe: op.unsafe });
    return json(op.status, op.example);
  }

  return {
    id,
    accepted,
    handle,
    reset() {
      accepted.length = 0;
    },
  };
}

function carried(req: SimRequest, c: StubCredential): string | undefined {
  if (c.in === 'bearer') return /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  if (c.in === 'query') return req.query.get(c.name) ?? undefined;
  const value = req.headers[c.name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** `/v1/credits/{productId}` -> a pattern with one group per parameter, and the parameters' names. */
function template(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}
