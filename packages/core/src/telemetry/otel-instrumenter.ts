// The OpenTelemetry instrumenter: one INTERNAL span per logical call (`creditkit <provider>.<operation>`), one
// CLIENT span per HTTP request under it (HTTP client semantic conventions), the pipeline's traced events on the
// call span, and three metrics. The only module of core that imports `@opentelemetry/api` (an optional peer), so
// apps that never import `@creditkit/core/otel` never load it.
import {
  type Attributes, type Context, context, createContextKey, type MeterProvider, propagation, type Span, SpanKind, SpanStatusCode, type Tracer, type TracerProvider, trace,
} from '@opentelemetry/api';
import type { CallEnd, CallStart, CallTrace, Instrumenter, RequestErrorType, RequestStart } from './instrumenter.js';
import { callMetrics } from './otel-metrics.js';

/** Where `openTelemetry()` sends spans and metrics, and what it lets cross to the vendor. */
export interface OpenTelemetryOptions {
  /** Default: the global one (`trace.setGlobalTracerProvider`, or an SDK's `register()`), looked up at each call. */
  tracerProvider?: TracerProvider;
  /** Default: the global one (`metrics.setGlobalMeterProvider`). */
  meterProvider?: MeterProvider;
  /**
   * Send W3C trace context (`traceparent`, `tracestate`) to the vendor. Default false: a vendor host is a third party,
   * and a trace id tells it about your other systems.
   */
  propagateContext?: boolean;
  /**
   * Let an HTTP auto-instrumentation (undici, http) record creditkit's requests too. Default false: they are
   * suppressed, as they would duplicate each CLIENT span and record the URL unscrubbed (a signature, a key in a query).
   */
  transportSpans?: boolean;
}

const SCOPE = '@creditkit/core';
// The key `@opentelemetry/core`'s suppressTracing() sets (createContextKey is Symbol.for): HTTP instrumentations
// skip a request whose context carries it.
const SUPPRESS_TRACING = createContextKey('OpenTelemetry SDK Context Key SUPPRESS_TRACING');
const MAX_TEXT = 512;

export function openTelemetryInstrumenter(options: OpenTelemetryOptions = {}): Instrumenter {
  const tracerOf = (provider: TracerProvider | undefined) => (provider ? provider.getTracer(SCOPE) : trace.getTracer(SCOPE));
  // The global tracer is a proxy that follows a provider registered later; a given one is fixed.
  const tracer = tracerOf(options.tracerProvider);
  const instruments = callMetrics(SCOPE, options.meterProvider);
  return {
    name: 'opentelemetry',
    startCall(start: CallStart): CallTrace | undefined {
      const parent = context.active();
      const base: Attributes = { 'creditkit.provider': start.provider, 'creditkit.operation': start.operation };
      const span = tracer.startSpan(`creditkit ${start.provider}.${start.operation}`, {
        kind: SpanKind.INTERNAL,
        attributes: { ...base, 'creditkit.idempotency': start.idempotency, ...(start.intentId !== undefined ? { 'creditkit.intent.id': start.intentId } : {}) },
      }, parent);
      const recording = span.isRecording();
      // No SDK (or a sampler that dropped it, and no meter): the call goes on as with no instrumenter at all.
      if (!recording && instruments().noop) return undefined;
      const underCall = recording ? trace.setSpan(parent, span) : parent;
      const started = performance.now();
      let sends = 0;
      return {
        recording,
        event(name, fields) {
          if (recording) span.addEvent(name, attributesOf(fields));
          const waitMs = fields.waitMs;
          const source = waitSource(name, fields);
          if (source && typeof waitMs === 'number' && waitMs > 0) instruments().rateLimitWait.record(waitMs / 1000, { ...base, 'creditkit.wait.source': source });
        },
        request(request, send, errorType) {
          const resends = request.urlTemplate !== undefined ? sends++ : undefined;
          if (!recording) return send({});
          return clientSpan(tracer, underCall, request, resends, options, send, errorType);
        },
        end(end: CallEnd) {
          if (recording) {
            span.setAttributes({ 'creditkit.outcome': end.outcome, 'creditkit.requests': sends });
            if (end.errorType !== undefined) {
              span.setAttribute('error.type', end.errorType);
              span.setStatus({ code: SpanStatusCode.ERROR, ...(end.message !== undefined ? { message: end.message.slice(0, MAX_TEXT) } : {}) });
            }
            span.end();
          }
          const outcome = { ...base, 'creditkit.outcome': end.outcome };
          const metrics = instruments();
          metrics.duration.record((performance.now() - started) / 1000, end.errorType !== undefined ? { ...outcome, 'error.type': end.errorType } : outcome);
          if (sends > 0) metrics.attempts.add(sends, outcome);
        },
      };
    },
  };
}

/** One HTTP request in its CLIENT span, run in a context where HTTP auto-instrumentation stands aside (by default). */
async function clientSpan<T extends { readonly status: number }>(
  tracer: Tracer, underCall: Context, request: RequestStart, resends: number | undefined,
  options: OpenTelemetryOptions, send: (extraHeaders: Readonly<Record<string, string>>) => Promise<T>, errorType: RequestErrorType,
): Promise<T> {
  const span = tracer.startSpan(request.urlTemplate !== undefined ? `${request.method} ${request.urlTemplate}` : request.method, {
    kind: SpanKind.CLIENT,
    attributes: requestAttributes(request, resends),
  }, underCall);
  const inSpan = trace.setSpan(underCall, span);
  const headers: Record<string, string> = {};
  if (options.propagateContext) propagation.inject(inSpan, headers);
  const active = options.transportSpans ? inSpan : inSpan.setValue(SUPPRESS_TRACING, true);
  try {
    const response = await context.with(active, () => send(headers));
    span.setAttribute('http.response.status_code', response.status);
    if (response.status >= 400) failed(span, String(response.status));
    return response;
  } catch (error) {
    failed(span, errorType(error));
    throw error;
  } finally {
    span.end();
  }
}

function failed(span: Span, type: string): void {
  span.setAttribute('error.type', type);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

function requestAttributes(request: RequestStart, resends: number | undefined): Attributes {
  const attributes: Attributes = { 'http.request.method': request.method, 'url.full': request.url() };
  try {
    const url = new URL(attributes['url.full'] as string);
    attributes['server.address'] = url.hostname.replace(/^\[|\]$/g, '');
    attributes['server.port'] = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  } catch {}
  if (request.urlTemplate !== undefined) attributes['url.template'] = request.urlTemplate;
  if (resends !== undefined && resends > 0) attributes['http.request.resend_count'] = resends;
  return attributes;
}

/** Why a traced event was a rate-limit wait, if it was one. */
function waitSource(name: string, fields: Readonly<Record<string, unknown>>): string | undefined {
  if (name === 'creditkit.server_wait') return 'shared';
  if (name === 'creditkit.quota_wait') return 'quota';
  if (name === 'creditkit.retry' && fields.serverRequested === true) return 'retry_after';
  return undefined;
}

/** `waitMs` -> `creditkit.wait_ms`; primitives only, long text cut. */
function attributesOf(fields: Readonly<Record<string, unknown>>): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(fields)) {
    const name = `creditkit.${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
    if (typeof value === 'string') out[name] = value.slice(0, MAX_TEXT);
    else if (typeof value === 'number' || typeof value === 'boolean') out[name] = value;
  }
  return out;
}
