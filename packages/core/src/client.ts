// createClient(provider, options): one call = validation -> idempotency key -> retry loop (per call),
// then per attempt: logger -> timeout -> auth -> transport, with openapi-fetch building each request anew.
import createOpenApiFetch from 'openapi-fetch';
import type { AttemptContext, CallContext, CallOptions } from './context.js';
import type { Codec } from './decode/codec.js';
import { jsonCodec } from './decode/json-codec.js';
import { decodeResponse, type ProviderHooks } from './decode/response.js';
import { utf8Strict } from './encoding.js';
import { ConfigurationError, DecodeError } from './errors.js';
import { type AttemptPlugin, type CallPlugin, compose, type Plugin, resolvePlugins } from './plugin.js';
import { authPluginsFromSpec } from './plugins/auth/from-spec.js';
import { resolveCredentials } from './plugins/auth/credentials.js';
import { idempotencyPlugin } from './plugins/idempotency.js';
import { type Logger, type LogLevel, loggerPlugin, makeLog, silent } from './plugins/logger.js';
import { type RetryOptions, retryPlugin, SENT_ATTEMPT } from './plugins/retry.js';
import { timeoutPlugin } from './plugins/timeout.js';
import { validationPlugin } from './plugins/validation.js';
import { Secrets } from './redact.js';
import { buildRequestInit, requestClassFor } from './request.js';
import type { OperationSpec, ProviderSpec } from './spec-types.js';
import { timeoutSignal, untilAborted } from './timing.js';
import { fetchTransport } from './transport/fetch-transport.js';
import type { Transport } from './transport/transport.js';

export interface ClientOptions {
  /** Overrides the environment's host (a proxy, or the simulators: `mock.url('fusebill')`). */
  baseUrl?: string;
  /** Which of the spec's servers to use (`production`, `test`, `arena`…). */
  environment?: string;
  /**
   * Send through this fetch instead of the provider's transport (`node:http` in Node, the global fetch elsewhere):
   * a test double, a proxy-aware fetch. A GET with a body (software_DNA) still goes through `node:http`.
   */
  fetch?: typeof fetch;
  /** Extra plugins; one named like a built-in replaces it. */
  plugins?: readonly Plugin[];
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Per attempt, in ms. Default 60000. */
  timeoutMs?: number;
  /** For a whole call, retries included. Default: none. */
  totalTimeoutMs?: number;
  retry?: RetryOptions;
  logger?: Logger;
  /** Default `info` when a logger is given. */
  logLevel?: LogLevel | 'silent';
  /** Responses larger than this fail with a ConnectionError (code RESPONSE_TOO_LARGE). Default 5 MiB. */
  maxResponseBytes?: number;
  /** Preferred media type for request and response bodies, when the operation offers several. */
  mediaType?: string;
}

/** What a provider package hands to core: its generated spec and operations, plus its own few rules. */
export interface ProviderDefinition extends ProviderHooks {
  readonly spec: ProviderSpec;
  readonly operations: Readonly<Record<string, OperationSpec>>;
  /** Plugins of the provider's own (codecs, a signature scheme…). */
  readonly plugins?: (setup: ProviderSetup) => readonly Plugin[];
  /** Auth plugins, when the spec's schemes are not enough (Safe Creative's signature). */
  readonly auth?: (setup: ProviderSetup) => readonly Plugin[];
  /**
   * How requests leave when the user gives no `fetch`: `@creditkit/core/node`'s transport (node:http in Node,
   * none in browsers). Default: the global fetch. An operation that sends a body on GET always uses it.
   */
  readonly transport?: Transport;
}

export interface ProviderSetup {
  spec: ProviderSpec;
  credentials: Record<string, string>;
  secrets: Secrets;
  baseUrl: string;
  fetch?: typeof fetch;
  /**
   * Sends a side request (an OAuth2 token) the way the client's operations leave: its transport and
   * `maxResponseBytes`, under `ctx.signal`, outside the plugin chain.
   */
  send(request: Request, ctx: AttemptContext): Promise<Response>;
  /**
   * Sends a side request that several calls wait on (an OAuth2 token, a server clock read) the same way, but
   * under the client's own `timeoutMs`, never the signal of the call that happened to start it: each waiting
   * call stops waiting on its own signal (`untilAborted`) while the request goes on for the others.
   */
  sendShared(request: Request, ctx: AttemptContext): Promise<Response>;
  options: ClientOptions & Record<string, unknown>;
}

export interface Client {
  readonly provider: ProviderSpec;
  readonly baseUrl: string;
  call(operation: OperationSpec, input: unknown, options?: CallOptions): Promise<unknown>;
  /** The resolved plugin order, per phase. */
  describe(): { call: string[]; attempt: string[] };
}

type UntypedRequest = (method: string, path: string, init: Record<string, unknown>) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

const DEFAULTS = { maxRetries: 2, timeoutMs: 60_000, maxResponseBytes: 5 * 1024 * 1024 };

export function createClient(definition: ProviderDefinition, options: ClientOptions & Record<string, unknown> = {}): Client {
  const { spec } = definition;
  const secrets = new Secrets();
  checkLimits(options, spec);
  const baseUrl = checkedBaseUrl(options.baseUrl || serverUrlOf(spec, options.environment), spec);
  const credentials = resolveCredentials(spec, options, secrets);
  const preferred = definition.transport ?? fetchTransport;
  // A user's fetch carries everything fetch can; a body on GET only the provider's transport can.
  const transportFor = (request: Request) => (options.fetch && !(request.method === 'GET' && request.body) ? fetchTransport : preferred);
  const transportConfig = { maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes, ...(options.fetch ? { fetch: options.fetch } : {}) };
  // Raced against the attempt's signal: a transport whose promise never settles still ends with its attempt.
  const send = (request: Request, ctx: AttemptContext) => untilAborted(transportFor(request)(request, ctx, transportConfig), ctx.signal);
  const sharedTimeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const sendShared = (request: Request, ctx: AttemptContext) => {
    const { signal: _caller, ...rest } = ctx;
    const signal = timeoutSignal(sharedTimeoutMs);
    return send(request, signal ? { ...rest, signal } : rest);
  };
  const setup: ProviderSetup = { spec, credentials, secrets, baseUrl, options, send, sendShared, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const schemes = [...new Set(Object.values(definition.operations).flatMap((op) => op.security.flat()))];
  const auth = definition.auth ? definition.auth(setup) : authPluginsFromSpec(setup, schemes);
  const plugins = resolvePlugins(
    [validationPlugin(), idempotencyPlugin(), retryPlugin(options.retry), loggerPlugin(), timeoutPlugin(), ...auth],
    definition.plugins?.(setup) ?? [],
    options.plugins ?? [],
  );
  const callLayers = callMiddleware(plugins.call);
  const attemptLayers = attemptMiddleware(plugins.attempt);
  const codecs: Record<string, Codec> = { 'application/json': jsonCodec };
  for (const p of [...plugins.call, ...plugins.attempt]) Object.assign(codecs, p.codecs);
  const log = makeLog(options.logger, options.logLevel ?? 'info', (s) => secrets.scrub(s));
  // Redacting the URL and headers for a debug line costs on every attempt: only when someone will read it.
  const debugOn = !!options.logger && options.logLevel === 'debug';
  // Core is generic over specs; the generated facades carry the types.
  const http = createOpenApiFetch({ baseUrl }) as unknown as { request: UntypedRequest };

  /** The innermost step: log exactly what leaves (redacted), then hand it to the transport. */
  function sendOnWire(request: Request, ctx: AttemptContext): Promise<Response> {
    if (debugOn) ctx.log('debug', 'request.send', { method: request.method, url: secrets.url(request.url), headers: secrets.headers(request.headers), attempt: ctx.attempt });
    // From here the server may see it: a timeout before this (a slow token) proves it never left.
    ctx.state.set(SENT_ATTEMPT, ctx.attempt);
    return send(request, ctx);
  }

  async function attempt(input: Record<string, unknown>, ctx: CallContext): Promise<unknown> {
    const attemptCtx: AttemptContext = { ...ctx, attempt: ctx.history.length + 1 };
    const send = compose<Request, Response, AttemptContext>(attemptLayers, sendOnWire, attemptCtx);
    const init = buildRequestInit(ctx.operation, input, codecs, options.mediaType, ctx.options.headers);
    const Request = requestClassFor(ctx.operation, init.body !== undefined);
    // The body is read here, not by openapi-fetch: it would JSON.parse an error body (we then could not get the
    // text back for a deeply nested one) and decode bad UTF-8 silently.
    let received: Response | undefined;
    const { response } = await http.request(ctx.operation.method.toLowerCase(), ctx.operation.path, {
      ...init,
      parseAs: 'stream',
      // openapi-fetch gets a bodiless copy: the body is read once, below, as bytes (an error body it would parse,
      // and a 2xx body it would hand back as a stream).
      fetch: async (request: Request) => {
        received = await send(request);
        return new Response(null, { status: received.status, statusText: received.statusText, headers: received.headers });
      },
      Request,
    });
    return decodeResponse(response, await bodyText(received ?? response, ctx), ctx, definition, options.mediaType);
  }

  return {
    provider: spec,
    baseUrl,
    describe: () => ({ call: plugins.call.map((p) => p.name), attempt: plugins.attempt.map((p) => p.name) }),
    call(operation, input, callOptions = {}) {
      const merged = {
        maxRetries: callOptions.maxRetries ?? options.maxRetries ?? DEFAULTS.maxRetries,
        timeoutMs: callOptions.timeoutMs ?? options.timeoutMs ?? DEFAULTS.timeoutMs,
        ...(options.totalTimeoutMs !== undefined ? { totalTimeoutMs: options.totalTimeoutMs } : {}),
        ...callOptions,
      };
      const who = { provider: spec.id, operation: operation.id };
      const ctx: CallContext = {
        provider: spec,
        operation,
        options: merged,
        secrets,
        codecs,
        history: [],
        state: new Map([['input', input]]),
        ...(merged.totalTimeoutMs !== undefined ? { deadline: Date.now() + merged.totalTimeoutMs } : {}),
        log: log === silent ? silent : (level, event, fields = {}) => log(level, event, fields, who),
      };
      const run = compose<Record<string, unknown>, unknown, CallContext>(callLayers, attempt, ctx);
      return run(input as Record<string, unknown>);
    },
  };
}

/** Numeric options a typo could turn into no limit or an instant failure: refused at construction. */
function checkLimits(options: ClientOptions, spec: ProviderSpec): void {
  const positive = (v: unknown) => typeof v === 'number' && v > 0;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const rules: [keyof ClientOptions, (v: unknown) => boolean, string][] = [
    ['timeoutMs', positive, 'a number of ms above 0 (Infinity for none)'],
    ['totalTimeoutMs', positive, 'a number of ms above 0 (Infinity for none)'],
    ['maxResponseBytes', positive, 'a number of bytes above 0'],
    ['maxRetries', count, 'a whole number, 0 or more'],
  ];
  for (const [name, ok, what] of rules) {
    const value = options[name];
    if (value !== undefined && !ok(value)) throw new ConfigurationError(`${spec.name}: ${name} must be ${what}`, { provider: spec.id });
  }
}

/** The environment's server, looked up among the spec's own environments only (never `__proto__`). */
function serverUrlOf(spec: ProviderSpec, environment: unknown): string {
  const name = environment ?? spec.defaultEnvironment;
  if (typeof name === 'string' && Object.hasOwn(spec.servers, name)) {
    const url = spec.servers[name];
    if (typeof url === 'string') return url;
  }
  const shown = typeof name === 'string' ? `'${name.slice(0, 40)}'` : `of type ${typeof name}`;
  throw new ConfigurationError(`${spec.name}: unknown environment ${shown} (choose ${Object.keys(spec.servers).join(' or ')}, or pass baseUrl)`, { provider: spec.id });
}

/** An absolute http(s) URL without credentials in it; the value itself is never printed (it may hold a password). */
function checkedBaseUrl(value: unknown, spec: ProviderSpec): string {
  const refuse = (why: string) => new ConfigurationError(`${spec.name}: baseUrl ${why}`, { provider: spec.id });
  if (typeof value !== 'string') throw refuse('must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse(`must be http or https, not ${url.protocol.slice(0, 20)}`);
  if (url.username !== '' || url.password !== '') {
    throw refuse('must not carry a user name or password (user:password@host): pass credentials as the client options');
  }
  return value.replace(/\/+$/, '');
}

/** The body as text; a 2xx body that is not UTF-8 is unreadable (an error body is kept as best it can be). */
async function bodyText(response: Response, ctx: CallContext): Promise<string> {
  const bytes = await response.arrayBuffer();
  try {
    return utf8Strict(bytes);
  } catch {
    const lenient = new TextDecoder().decode(bytes);
    if (!response.ok) return lenient;
    throw new DecodeError('The response body is not valid UTF-8', { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets, raw: lenient, status: response.status });
  }
}

const callMiddleware = (plugins: CallPlugin[]) => plugins.flatMap((p) => (p.middleware ? [p.middleware] : []));
const attemptMiddleware = (plugins: AttemptPlugin[]) => plugins.flatMap((p) => (p.middleware ? [p.middleware] : []));

