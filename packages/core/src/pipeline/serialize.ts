// Stage `serialize` — contract: per attempt, turns the call's input (the API's own field names, the key filled in)
// into a WireRequest: path, query and header fields placed by the operation's field table, the URL built by
// openapi-fetch's own serializers, the body encoded by the codec of the chosen media type, `accept` and
// `content-type` set. Plain data only: no WHATWG Request or Headers. A missing codec is an UnsupportedRuntimeError.
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { type Codec, essence } from '../decode/codec.js';
import { UnsupportedRuntimeError } from '../errors.js';
import { appendHeader, trimHeaderValue } from '../header-map.js';
import type { OperationSpec } from '../spec-types.js';
import type { WireRequest } from '../transport/transport.js';

/** openapi-fetch's default query style (form, exploded arrays; deepObject objects). */
const querySerializer = createQuerySerializer();

export interface SerializeOptions {
  baseUrl: string;
  codecs: Readonly<Record<string, Codec>>;
  /** The client's `mediaType`, when the operation offers several. */
  preferred?: string | undefined;
  /** The call's extra headers. */
  headers?: Readonly<Record<string, string>> | undefined;
}

export function serialize(op: OperationSpec, input: Record<string, unknown>, options: SerializeOptions): WireRequest {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const header: Record<string, unknown> = {};
  let body: Record<string, unknown> | undefined;
  for (const field of op.fields) {
    const value = field.supplied === 'const' ? field.value : field.supplied ? undefined : input[field.name];
    if (value === undefined) continue;
    if (field.in === 'body') (body ??= {})[field.name] = value;
    else (field.in === 'path' ? path : field.in === 'query' ? query : header)[field.name] = value;
  }
  const url = new URL(createFinalURL(op.path, { baseUrl: options.baseUrl, params: { path, query }, querySerializer, pathSerializer: defaultPathSerializer })).href;
  const headers: Record<string, string> = {};
  const responseType = pick(op.responseMediaTypes, options.preferred, options.codecs);
  if (responseType) headers.accept = responseType;
  if (options.headers) mergeInto(headers, options.headers);
  if (!op.requestMediaTypes?.length) {
    mergeInto(headers, header);
    return { method: op.method, url, headers };
  }
  const requestType = pick(op.requestMediaTypes, options.preferred, options.codecs);
  const codec = requestType ? options.codecs[essence(requestType)] : undefined;
  if (!codec) throw new UnsupportedRuntimeError(`No codec for ${op.requestMediaTypes.join(', ')}: add the plugin that provides it`, { operation: op.id });
  headers['content-type'] = requestType!;
  mergeInto(headers, header);
  return { method: op.method, url, headers, body: codec.encode(body ?? {}, op.requestShape) };
}

function pick(types: readonly string[], preferred: string | undefined, codecs: Readonly<Record<string, Codec>>): string | undefined {
  if (preferred && types.some((t) => essence(t) === essence(preferred))) return types.find((t) => essence(t) === essence(preferred));
  return types.find((t) => codecs[essence(t)]) ?? types[0];
}

/** As openapi-fetch's mergeHeaders, into a plain record: names lower-cased, null removes, arrays repeat. */
function mergeInto(out: Record<string, string>, from: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(from)) {
    const key = name.toLowerCase();
    if (value === null) delete out[key];
    else if (Array.isArray(value)) {
      for (const v of value) appendHeader(out, key, clean(v));
    } else if (value !== undefined) out[key] = clean(value);
  }
}

const clean = (value: unknown) => trimHeaderValue(String(value));
