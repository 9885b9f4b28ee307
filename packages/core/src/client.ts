// createClient(provider, options): wires the fixed pipeline of pipeline/ once per client. One call:
//   validate -> key -> retry loop { serialize -> authorize -> send -> decode } -> result
// (pipeline/stages.ts lists the stages, each file states its contract). Options set policies (backoff, a
// `shouldRetry` veto, logger, transport); plugins hook in at named points; nothing replaces a stage.
import type { AttemptContext, CallContext, CallOptions } from './context.js';
import type { Codec } from './decode/codec.js';
import { jsonCodec } from './decode/json-codec.js';
import type { ProviderHooks } from './decode/response.js';
import { ConfigurationError, CreditkitError } from './errors.js';
import { type Plugin, resolvePlugins, type RetryInfo } from './plugin.js';
import { runAttempt, type AttemptParts } from './pipeline/attempt.js';
import type { Authorizer } from './pipeline/authorize.js';
import { claimIntent, settleIntent } from './pipeline/intent.js';
import { key } from './pipeline/key.js';
import { type InDoubtRule, result } from './pipeline/result.js';
import { retryLoop } from './pipeline/retry-loop.js';
import { type Send, sendStage } from './pipeline/send.js';
import { type HookPoint, STAGES, type StageName } from './pipeline/stages.js';
import { awaitServerWait } from './pipeline/server-wait.js';
import { validate } from './pipeline/validate.js';
import { authorizersFromSpec } from './plugins/auth/from-spec.js';
import { resolveCredentials } from './plugins/auth/credentials.js';
import { envLogger } from './plugins/env-logger.js';
import { type Logger, type LogLevel, makeLog, silent } from './plugins/logger.js';
import type { RetryOptions } from './plugins/retry.js';
import { Secrets } from './redact.js';
import type { OperationSpec, ProviderSpec } from './spec-types.js';
import { type SharedState, sharedState } from './store/shared.js';
import type { StateStore } from './store/state-store.js';
import { createQuotas, type ProviderQuotas, type QuotaOptions, type Quotas } from './store/quotas.js';
import { type Instrumenter, instrumenterFor } from './telemetry/instrumenter.js';
import { startTrace } from './telemetry/call-trace.js';
import type { Transport, WireRequest, WireResponse } from './transport/transport.js';

/** The options every provider's client takes (each provider adds its own credentials and settings). */
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
  /**
   * Replaces the send stage for every request (the operation's and side requests such as an OAuth2 token): a dry
   * run, canned answers. Gets the finished request (serialized, authorized, signed) and the attempt's context
   * (`ctx.signal`); returns the answer, read whole. Every other stage runs as usual.
   */
  transport?: Transport;
  /** Plugins hooking in at the named points (`beforeSend`, `afterDecode`, `onRetry`); names unique, never a stage's. */
  plugins?: readonly Plugin[];
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Per attempt, in ms. Default 60000. */
  timeoutMs?: number;
  /** For a whole call, retries included. Default: none. */
  totalTimeoutMs?: number;
  /** Backoff numbers. */
  retry?: RetryOptions;
  /**
   * Asked before each retry the retry rules allow; return false to end the call instead. It can only remove
   * retries: a purchase the rules never resend (an unsafe one after an ambiguous failure) is never offered.
   */
  shouldRetry?: (info: RetryInfo) => boolean;
  /** Without one, `CREDITKIT_LOG=debug|info|warn|error` turns on a JSON-lines logger on stderr. */
  logger?: Logger;
  /** Default `info` when a logger is given. */
  logLevel?: LogLevel | 'silent';
  /**
   * Traces and metrics: `openTelemetry()` from `@creditkit/core/otel`, or false for none. Default: the instrumenter
   * `useOpenTelemetry()` set for the process, else none (no telemetry work at all).
   */
  telemetry?: Instrumenter | false;
  /** Responses larger than this fail with a ConnectionError (code RESPONSE_TOO_LARGE). Default 5 MiB. */
  maxResponseBytes?: number;
  /** Preferred media type for request and response bodies, when the operation offers several. */
  mediaType?: string;
  /**
   * Where purchase intents and what workers share (the OAuth2 token, server-requested waits, the clock offset,
   * quota counters) are kept. Default: a memoryStore() of this client. Give every worker the same `fileStore(dir)`
   * or `redisStore({ client })` to make "never twice" hold across processes and restarts.
   */
  store?: StateStore;
  /** How long a call waits while another worker holds the same intent, before IntentInFlightError. Default 30000. */
  intentWaitMs?: number;
  /** The lease of an intent claim, renewed while the call runs; a worker silent this long is taken for crashed. Default 30000. */
  intentLeaseMs?: number;
  /**
   * Proactive quotas: stay under the provider's request budget (learned from its rate-limit headers, or given here)
   * instead of discovering it by 429s, counted in the store so that all workers share it. Default: on when a
   * `store` is given.
   */
  quotas?: boolean | QuotaOptions;
}

/** What a provider package hands to core: its generated spec and operations, plus its own few rules. */
export interface ProviderDefinition extends ProviderHooks {
  readonly spec: ProviderSpec;
  readonly operations: Readonly<Record<string, OperationSpec>>;
  /** Body codecs of the provider's own media types (XML), by media type. */
  readonly codecs?: Readonly<Record<string, Codec>>;
  /** The authorize stage, when the spec's security schemes are not enough (Safe Creative's signed query). */
  readonly authorize?: (setup: ProviderSetup) => readonly Authorizer[];
  /** A final ProviderError that is also a purchase: ends as an OutcomeUnknownError (2sms). */
  readonly inDoubt?: InDoubtRule;
  /** An observer of every operation answer, from the client's options (Fusebill's rate-limit headers). */
  readonly onResponse?: (setup: ProviderSetup) => ((response: WireResponse, ctx: AttemptContext) => void) | undefined;
  /**
   * How requests leave when the user gives no `fetch` or `transport`: `@creditkit/core/node`'s transport (node:http
   * in Node, none in browsers). Default: the global fetch. An operation that sends a body on GET always uses it.
   */
  readonly transport?: Transport;
  /** How the provider announces its request budgets (Fusebill's headers, software_DNA's 429), for proactive quotas. */
  readonly quotas?: ProviderQuotas;
}

/** What a provider's hooks get once a client is built: its spec, credentials, secrets, base URL and shared state. */
export interface ProviderSetup {
  spec: ProviderSpec;
  credentials: Record<string, string>;
  secrets: Secrets;
  baseUrl: string;
  /**
   * Sends a side request that several calls wait on (an OAuth2 token, a server clock read) the way the client's
   * operations leave (its transport, `maxResponseBytes`), under the client's own `timeoutMs`, never the signal of the
   * call that happened to start it.
   */
  sendShared(request: WireRequest, ctx: AttemptContext): Promise<WireResponse>;
  options: ClientOptions & Record<string, unknown>;
  /** What this account's workers share through the client's store (a token, a clock offset, server waits). */
  shared: SharedState;
}

/** The resolved pipeline of a client: the fixed stages, and who takes part where. */
export interface ClientDescription {
  readonly stages: readonly StageName[];
  /** The authorizers of the authorize stage, in order. */
  readonly authorize: readonly string[];
  /** The user plugins' hooks per point, in the order they run. */
  readonly hooks: Readonly<Record<HookPoint, readonly string[]>>;
  /** Media types the client can encode and decode. */
  readonly codecs: readonly string[];
}

/** A client for one provider: the untyped core under each provider's typed client. */
export interface Client {
  readonly provider: ProviderSpec;
  readonly baseUrl: string;
  /**
   * Runs one operation through the pipeline (validate, key, authorize, send, decode, retry) and resolves with its
   * decoded result, or rejects with a {@link CreditkitError}.
   */
  call(operation: OperationSpec, input: unknown, options?: CallOptions): Promise<unknown>;
  /** The client's resolved pipeline: its stages, authorizers, hooks and codecs. */
  describe(): ClientDescription;
}

const DEFAULTS = { maxRetries: 2, timeoutMs: 60_000, maxResponseBytes: 5 * 1024 * 1024 };

/**
 * Builds a client from a provider's definition and the user's options; provider packages call it from their
 * `createXxxClient`.
 */
export function createClient(definition: ProviderDefinition, options: ClientOptions & Record<string, unknown> = {}): Client {
  const { spec } = definition;
  const secrets = new Secrets();
  checkLimits(options, spec);
  const baseUrl = checkedBaseUrl(options.baseUrl || serverUrlOf(spec, options.environment), spec);
  const credentials = resolveCredentials(spec, options, secrets);
  const shared = sharedState(spec, baseUrl, credentials, options);
  const plugins = resolvePlugins(options.plugins);
  const fromEnv = options.logger ? undefined : envLogger(spec.id);
  const logger = options.logger ?? fromEnv?.logger;
  const logLevel = fromEnv?.level ?? options.logLevel ?? 'info';
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 60_000;
  const quotasOn = options.quotas === undefined ? shared.sharing : options.quotas !== false;
  const quotas = quotasOn ? createQuotas(shared, typeof options.quotas === 'object' ? options.quotas : {}, definition.quotas, maxRetryAfterMs) : undefined;
  // The setup hands out sendShared before the send stage exists: the provider's observer comes from the setup.
  let send: Send | undefined;
  const setup: ProviderSetup = { spec, credentials, secrets, baseUrl, options, shared, sendShared: (request, ctx) => send!.sendShared(request, ctx) };
  send = sendStage({
    transport: options.transport,
    preferred: definition.transport,
    fetch: options.fetch,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    sharedTimeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    secrets,
    // Redacting the URL and headers for a debug line costs on every attempt: only when someone will read it.
    debug: !!logger && logLevel === 'debug',
    onResponse: observers(definition.onResponse?.(setup), quotas?.observe),
  });
  const schemes = [...new Set(Object.values(definition.operations).flatMap((op) => op.security.flat()))];
  const authorizers = definition.authorize ? definition.authorize(setup) : authorizersFromSpec(setup, schemes);
  const codecs: Record<string, Codec> = { 'application/json': jsonCodec, ...definition.codecs };
  for (const p of plugins.plugins) Object.assign(codecs, p.codecs);
  const parts: AttemptParts = {
    serialize: { baseUrl, codecs, preferred: options.mediaType }, authorizers, plugins, send, provider: definition,
    ...(shared.sharing || quotas ? { beforeAuthorize: budgets(shared, quotas, maxRetryAfterMs) } : {}),
  };
  const policy = { ...options.retry, shouldRetry: options.shouldRetry, ...(shared.sharing ? { shareWait: (ms: number) => shared.pause(ms) } : {}) };
  const log = makeLog(logger, logLevel, (s) => secrets.scrub(s));
  const description: ClientDescription = {
    stages: STAGES,
    authorize: authorizers.map((a) => a.name),
    hooks: plugins.order,
    codecs: Object.keys(codecs),
  };

  const attempts = (ctx: CallContext) => result(retryLoop(() => runAttempt(parts, ctx), ctx, policy, plugins), ctx, definition.inDoubt);

  async function run(input: unknown, ctx: CallContext): Promise<unknown> {
    const checked = validate(input, ctx);
    if (ctx.options.intentId === undefined) {
      key(checked, ctx);
      return attempts(ctx);
    }
    const opened = await claimIntent(shared.intents(), ctx, checked, ctx.options.intentId);
    if ('replay' in opened) return opened.replay();
    key(checked, ctx, opened.held);
    return settleIntent(opened.held, ctx, attempts(ctx));
  }

  return {
    provider: spec,
    baseUrl,
    describe: () => description,
    call(operation, input, callOptions = {}) {
      const merged = {
        maxRetries: callOptions.maxRetries ?? options.maxRetries ?? DEFAULTS.maxRetries,
        timeoutMs: callOptions.timeoutMs ?? options.timeoutMs ?? DEFAULTS.timeoutMs,
        ...(options.totalTimeoutMs !== undefined ? { totalTimeoutMs: options.totalTimeoutMs } : {}),
        ...callOptions,
      };
      const who = { provider: spec.id, operation: operation.id };
      const callLog: CallContext['log'] = log === silent ? silent : (level, event, fields = {}) => log(level, event, fields, who);
      const trace = startTrace(instrumenterFor(options.telemetry), operation, spec, merged.intentId, callLog, secrets);
      const ctx: CallContext = {
        provider: spec,
        operation,
        options: merged,
        secrets,
        codecs,
        history: [],
        input: input as Record<string, unknown>,
        sentAttempt: 0,
        ...(merged.totalTimeoutMs !== undefined ? { deadline: Date.now() + merged.totalTimeoutMs } : {}),
        ...(trace ? { trace: trace.trace } : {}),
        log: trace ? trace.log : callLog,
      };
      return trace ? trace.ended(run(input, ctx)) : run(input, ctx);
    },
  };
}

/** Before each attempt is authorized: a server wait another worker was told, then a point of each quota window. */
function budgets(shared: SharedState, quotas: Quotas | undefined, maxRetryAfterMs: number) {
  return async (ctx: AttemptContext) => {
    try {
      const waited = shared.sharing && (await awaitServerWait(shared, ctx, maxRetryAfterMs));
      if (quotas) await quotas.take(ctx, waited);
    } catch (error) {
      // A wait or budget that ends the attempt is a typed error; a store that fails only costs the sharing: the
      // call goes on as a client without a store would (the server's own 429s still stop it).
      if (error instanceof CreditkitError) throw error;
      ctx.log('warn', 'store.failed', { step: 'budgets', error: error instanceof Error ? error.message : String(error) });
    }
  };
}

/** One observer of every operation answer from several, or none. */
function observers(...each: (((response: WireResponse, ctx: AttemptContext) => void) | undefined)[]) {
  const present = each.filter((o): o is (response: WireResponse, ctx: AttemptContext) => void => o !== undefined);
  if (present.length <= 1) return present[0];
  return (response: WireResponse, ctx: AttemptContext) => {
    for (const o of present) o(response, ctx);
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
    ['intentWaitMs', (v) => typeof v === 'number' && v >= 0, 'a number of ms, 0 or more'],
    ['intentLeaseMs', (v) => typeof v === 'number' && v >= 100 && Number.isFinite(v), 'a finite number of ms, 100 or more'],
    ['telemetry', (v) => v === false || (typeof v === 'object' && v !== null && typeof (v as Instrumenter).startCall === 'function'), 'false or an instrumenter (openTelemetry() from @creditkit/core/otel)'],
  ];
  for (const [name, ok, what] of rules) {
    const value = options[name];
    if (value !== undefined && !ok(value)) throw new ConfigurationError(`${spec.name}: ${name} must be ${what}`, { provider: spec.id, option: name });
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
  throw new ConfigurationError(`${spec.name}: unknown environment ${shown} (choose ${Object.keys(spec.servers).join(' or ')}, or pass baseUrl)`, { provider: spec.id, option: 'environment' });
}

/** An absolute http(s) URL without credentials in it; the value itself is never printed (it may hold a password). */
function checkedBaseUrl(value: unknown, spec: ProviderSpec): string {
  const refuse = (why: string) => new ConfigurationError(`${spec.name}: baseUrl ${why}`, { provider: spec.id, option: 'baseUrl' });
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
