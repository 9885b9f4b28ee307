// Stage `send` — contract: hands one WireRequest to a transport and returns its WireResponse, read whole under
// `maxResponseBytes` and the attempt's signal (raced against it, so a transport that never settles still ends
// with its attempt). No redirect is ever followed. Which transport: the client's `transport` option when given (a
// dry run, a canned answer: a swap of this stage, nothing else changes); else the `fetch` option through the
// fetch transport (a body on GET still goes through the provider's); else the provider's (node:http in Node);
// else the global fetch. From the moment a request is handed over, the server may see it: the attempt is
// recorded as sent (`ctx.call.sentAttempt`), which the retry rules read.
import { type AttemptContext, callState } from '../context.js';
import { ConnectionError } from '../errors.js';
import type { Secrets } from '../redact.js';
import { timeoutSignal, untilAborted } from '../timing.js';
import { fetchTransport } from '../transport/fetch-transport.js';
import type { Transport, TransportConfig, WireRequest, WireResponse } from '../transport/transport.js';

export interface SendConfig {
  /** The client's `transport` option: replaces the choice below for every request. */
  transport?: Transport | undefined;
  /** The provider's transport; default the fetch transport. */
  preferred?: Transport | undefined;
  fetch?: typeof fetch | undefined;
  maxResponseBytes: number;
  /** The client's `timeoutMs`: the limit of a side request shared by several calls. */
  sharedTimeoutMs: number;
  secrets: Secrets;
  /** Log each request as it leaves (redacted), at debug level. */
  debug: boolean;
  /** The provider's observer of every operation answer (Fusebill's rate-limit headers). */
  onResponse?: ((response: WireResponse, ctx: AttemptContext) => void) | undefined;
}

export interface Send {
  /** The operation's own request. */
  send(request: WireRequest, ctx: AttemptContext): Promise<WireResponse>;
  /**
   * A side request that several calls may wait on (an OAuth2 token, a server clock read): the same transport,
   * under the client's own `timeoutMs`, never the signal of the call that happened to start it. Each waiting
   * call stops waiting on its own signal (`untilAborted`) while the request goes on for the others.
   */
  sendShared(request: WireRequest, ctx: AttemptContext): Promise<WireResponse>;
}

export function sendStage(config: SendConfig): Send {
  const preferred = config.preferred ?? fetchTransport;
  const transportConfig: TransportConfig = { maxResponseBytes: config.maxResponseBytes, ...(config.fetch ? { fetch: config.fetch } : {}) };
  // A user's fetch carries everything fetch can; a body on GET only the provider's transport can.
  const transportFor = (request: WireRequest): Transport =>
    config.transport ?? (config.fetch && !(request.method === 'GET' && request.body !== undefined) ? fetchTransport : preferred);
  const hand = (request: WireRequest, ctx: AttemptContext) => untilAborted(transportFor(request)(request, ctx, transportConfig), ctx.signal);
  // Each request in its CLIENT span when the call is traced: the operation's (with its path template) and side ones.
  const deliver = (request: WireRequest, ctx: AttemptContext, template?: string) => {
    const trace = ctx.trace;
    if (!trace) return hand(request, ctx);
    const start = { method: request.method, url: () => config.secrets.url(request.url), urlTemplate: template };
    return trace.request(start, (extra) => hand(withHeaders(request, extra), ctx), requestErrorType(ctx));
  };

  return {
    async send(request, ctx) {
      if (config.debug) ctx.log('debug', 'request.send', { method: request.method, url: config.secrets.url(request.url), headers: config.secrets.headers(request.headers), attempt: ctx.attempt });
      // The intent is recorded as sent before the first request leaves: a worker that dies from here leaves it in doubt.
      if (ctx.call.intent && ctx.call.sentAttempt === 0) {
        // An attempt whose time ran out already (a long shared wait) records nothing and sends nothing.
        if (ctx.signal?.aborted) throw ctx.signal.reason;
        await untilAborted(ctx.call.intent.markSent(ctx.call), ctx.signal);
      }
      // From here the server may see it: a timeout before this (a slow token) proves it never left.
      callState(ctx.call).sentAttempt = ctx.attempt;
      const response = await deliver(request, ctx, ctx.operation.path);
      if (config.onResponse) {
        try {
          config.onResponse(response, ctx);
        } catch (error) {
          // An observer that throws must not turn an applied purchase into a failed call.
          ctx.log('warn', 'response.observer-failed', { error: error instanceof Error ? error.message : String(error) });
        }
      }
      return response;
    },
    sendShared(request, ctx) {
      const { signal: _caller, ...rest } = ctx;
      const signal = timeoutSignal(config.sharedTimeoutMs);
      return deliver(request, signal ? { ...rest, signal } : rest);
    },
  };
}

/** The request with the instrumenter's headers (trace context, when propagation is on) added. */
function withHeaders(request: WireRequest, extra: Readonly<Record<string, string>>): WireRequest {
  return Object.keys(extra).length === 0 ? request : { ...request, headers: { ...request.headers, ...extra } };
}

/** Why a request ended with no answer, in a few values a trace can group by. */
function requestErrorType(ctx: AttemptContext) {
  return (error: unknown): string => {
    if (ctx.options.signal?.aborted) return 'aborted';
    if (ctx.signal?.aborted) return 'timeout';
    if (error instanceof ConnectionError) return 'connection';
    return error instanceof Error ? error.name : 'unknown';
  };
}
