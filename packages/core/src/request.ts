// Step 3: the caller's flat input (the API's own field names) split into path, query, header and body by
// the operation table, and the body encoded by the codec of the chosen media type.
import type { Codec } from './decode/codec.js';
import { essence } from './decode/codec.js';
import { ConfigurationError } from './errors.js';
import type { OperationSpec } from './spec-types.js';

export interface RequestInitParts {
  params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> };
  body?: unknown;
  headers: Record<string, string>;
  bodySerializer?: (body: unknown) => string;
}

export function buildRequestInit(op: OperationSpec, input: Record<string, unknown>, codecs: Readonly<Record<string, Codec>>, preferred?: string, extraHeaders?: Record<string, string>): RequestInitParts {
  const params: RequestInitParts['params'] = { path: {}, query: {}, header: {} };
  let body: Record<string, unknown> | undefined;
  for (const field of op.fields) {
    const value = field.supplied === 'const' ? field.value : field.supplied ? undefined : input[field.name];
    if (value === undefined) continue;
    if (field.in === 'body') (body ??= {})[field.name] = value;
    else params[field.in][field.name] = value;
  }
  const responseType = pick(op.responseMediaTypes, preferred, codecs);
  const headers: Record<string, string> = { ...(responseType ? { accept: responseType } : {}), ...extraHeaders };
  if (!op.requestMediaTypes?.length) return { params, headers };
  const requestType = pick(op.requestMediaTypes, preferred, codecs);
  const codec = requestType ? codecs[essence(requestType)] : undefined;
  if (!codec) throw new ConfigurationError(`No codec for ${op.requestMediaTypes.join(', ')}: add the plugin that provides it`, { operation: op.id });
  headers['content-type'] = requestType!;
  return { params, body: body ?? {}, headers, bodySerializer: (b) => codec.encode(b, op.requestShape) };
}

function pick(types: readonly string[], preferred: string | undefined, codecs: Readonly<Record<string, Codec>>): string | undefined {
  if (preferred && types.some((t) => essence(t) === essence(preferred))) return types.find((t) => essence(t) === essence(preferred));
  return types.find((t) => codecs[essence(t)]) ?? types[0];
}

/** The text each Request was built with, so a transport need not read back the stream it was turned into. */
const sourceBodies = new WeakMap<Request, string>();

/** The body `request` was built with as text, when it came from `requestClassFor`'s class unchanged. */
export const bodySource = (request: Request): string | undefined => sourceBodies.get(request);

class SourcedRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    if (typeof init?.body === 'string') sourceBodies.set(this, init.body);
  }
}

/**
 * The Request class openapi-fetch builds each attempt's request with. WHATWG Request refuses a body on GET: for
 * such an operation (software_DNA), it is built as a POST that reports the real method; only a transport that
 * can send it (node:http) ever sees this object.
 */
export function requestClassFor(op: OperationSpec, hasBody: boolean): typeof Request {
  if (!hasBody || (op.method !== 'GET' && op.method !== 'HEAD')) return SourcedRequest;
  return BODY_ON[op.method];
}

const bodyOn = (method: 'GET' | 'HEAD'): typeof Request =>
  class BodyOnGetRequest extends SourcedRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, { ...init, method: 'POST' });
    }
    override get method(): string {
      return method;
    }
  };
const BODY_ON = { GET: bodyOn('GET'), HEAD: bodyOn('HEAD') };
