// The attempt runner — contract: one HTTP attempt of a call, inside the retry loop. It owns the attempt's time:
// one AbortSignal made of the caller's signal, the per-attempt `timeoutMs` and the call's total deadline, under
// which authorize waits, the request is sent and the whole body is read; a timeout ends as a TimeoutError
// (scope `attempt` or `total`), the caller's abort as an AbortedError. Then, in order:
//   serialize -> authorize -> beforeSend hooks -> send [-> one re-authorized resend, if an authorizer asks]
//   -> decode -> afterDecode hooks.
// Core logs each attempt at these points: `request.start` (debug), `request.send` (debug, the redacted request as
// it leaves), `request.end` (info, warn for a non-2xx) or `request.error` (error).
import type { AttemptContext, CallContext } from '../context.js';
import type { ProviderHooks } from '../decode/response.js';
import { AbortedError, TimeoutError } from '../errors.js';
import { headerOf } from '../header-map.js';
import type { ResolvedPlugins } from '../plugin.js';
import { isQuiet } from '../plugins/logger.js';
import { timerDelay } from '../timing.js';
import type { WireRequest, WireResponse } from '../transport/transport.js';
import { type Authorizer, authorize, wantsReauthorize } from './authorize.js';
import { decode } from './decode.js';
import type { Send } from './send.js';
import { type SerializeOptions, serialize } from './serialize.js';

/** What a client fixes once for all its calls. */
export interface AttemptParts {
  serialize: Omit<SerializeOptions, 'headers'>;
  authorizers: readonly Authorizer[];
  plugins: ResolvedPlugins;
  send: Send;
  provider: ProviderHooks;
  /** Runs first in each attempt, before its time starts: a server wait shared by the account's workers, its quotas. */
  beforeAuthorize?: (ctx: AttemptContext) => Promise<void>;
}

const TIMEOUT = Symbol('creditkit.timeout');

export async function runAttempt(parts: AttemptParts, call: CallContext): Promise<unknown> {
  const ctx: AttemptContext = { ...call, call, attempt: call.history.length + 1 };
  const request = serialize(ctx.operation, ctx.input, { ...parts.serialize, headers: ctx.options.headers });
  const logged = !isQuiet(ctx.log);
  const started = logged ? performance.now() : 0;
  const base = logged ? { method: request.method, url: ctx.secrets.url(request.url), attempt: ctx.attempt } : undefined;
  if (base) ctx.log('debug', 'request.start', base);
  // Waits the account was told to make run before the attempt's own time starts: they have their own bounds.
  if (parts.beforeAuthorize) await parts.beforeAuthorize(ctx);
  let response: WireResponse;
  try {
    response = await withinTime(ctx, () => exchange(parts, request, ctx));
  } catch (error) {
    if (base) ctx.log('error', 'request.error', { ...base, durationMs: Math.round(performance.now() - started), error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    throw error;
  }
  if (base) {
    const ok = response.status >= 200 && response.status < 300;
    ctx.log(ok ? 'info' : 'warn', 'request.end', { ...base, status: response.status, durationMs: Math.round(performance.now() - started), requestId: headerOf(response.headers, 'x-request-id') ?? undefined });
  }
  const data = decode(response, ctx, parts.provider, parts.serialize.preferred);
  for (const [name, hook] of parts.plugins.afterDecode) {
    try {
      await hook(data, ctx);
    } catch (error) {
      // An observer: it cannot turn an applied purchase into a failed call.
      ctx.log('warn', 'plugin.hook-failed', { plugin: name, hook: 'afterDecode', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return data;
}

/** authorize -> beforeSend -> send, and once more from authorize when an authorizer asks after the answer. */
async function exchange(parts: AttemptParts, serialized: WireRequest, ctx: AttemptContext): Promise<WireResponse> {
  const once = async () => {
    let request = await authorize(parts.authorizers, serialized, ctx);
    for (const hook of parts.plugins.beforeSend) request = (await hook(request, ctx)) ?? request;
    return { request, response: await parts.send.send(request, ctx) };
  };
  const first = await once();
  if (!(await wantsReauthorize(parts.authorizers, first.request, first.response, ctx))) return first.response;
  return (await once()).response;
}

/** Runs `work` under the attempt's signal; maps its end by timeout or by the caller to the typed errors. */
async function withinTime<T>(ctx: AttemptContext, work: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const remaining = ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
  const scope: 'attempt' | 'total' = remaining < ctx.options.timeoutMs ? 'total' : 'attempt';
  const limit = Math.max(0, Math.min(remaining, ctx.options.timeoutMs));
  const timer = Number.isFinite(limit) ? setTimeout(() => controller.abort(TIMEOUT), timerDelay(limit)) : undefined;
  ctx.signal = ctx.options.signal ? AbortSignal.any([ctx.options.signal, controller.signal]) : controller.signal;
  try {
    return await work();
  } catch (error) {
    const context = { provider: ctx.provider.id, operation: ctx.operation.id, secrets: ctx.secrets };
    if (ctx.options.signal?.aborted) throw new AbortedError('Call aborted by the caller', { ...context, cause: ctx.options.signal.reason });
    if (controller.signal.aborted) {
      throw new TimeoutError({ ...context, scope, timeoutMs: scope === 'total' ? (ctx.options.totalTimeoutMs ?? limit) : ctx.options.timeoutMs });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
