// The spans, events and metrics of a call, read from an in-memory OpenTelemetry SDK, for one JSON provider
// (FinerWorks) and one XML provider (2sms in XML, whose OAuth2 token is a side request): a success, a retried
// 429, an OutcomeUnknownError and a validation failure (no request, no CLIENT span).
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { fetchTransport, OutcomeUnknownError, type Transport, ValidationError } from '@creditkit/core';
import { openTelemetry, stopOpenTelemetry, useOpenTelemetry } from '@creditkit/core/otel';
import { createAccountAdminClient } from '@creditkit/accountadmin';
import { createFinerWorksClient } from '@creditkit/finerworks';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { useMockServer } from '@creditkit/test-support';
import { REQUEST_JSON } from '@creditkit/test-support/accountadmin-page-samples';
import {
  ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_REQUEST_RESEND_COUNT, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT, ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { otelHarness } from './otel-harness.js';

const mock = useMockServer({ providers: ['finerworks', 'accountadmin'] });
const otel = otelHarness();
beforeEach(() => otel.reset());
afterEach(() => stopOpenTelemetry());

const telemetry = (extra = {}) => openTelemetry({ tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider, ...extra });
const purchase = JSON.parse(REQUEST_JSON) as Record<string, unknown>;

interface Case {
  label: string;
  provider: 'finerworks' | 'accountadmin';
  operation: string;
  path: string;
  idempotency: string;
  call(options?: Record<string, unknown>, callOptions?: Record<string, unknown>): Promise<unknown>;
  invalid(): Promise<unknown>;
  /** Side requests before the operation's own (the 2sms token). */
  side: string[];
}

const CASES: Case[] = [
  {
    label: 'FinerWorks (JSON)', provider: 'finerworks', operation: 'buyAccountCredits', path: '/v3/buy_account_credits', idempotency: 'unsafe', side: [],
    call: (options = {}, callOptions = {}) => createFinerWorksClient({ ...mock.credentials.finerworks, baseUrl: mock.url('finerworks'), retry: { baseDelayMs: 1 }, ...options }).buyAccountCredits({ amount: 250, cart_id: `c-${Math.random()}` }, callOptions),
    invalid: () => createFinerWorksClient({ ...mock.credentials.finerworks, baseUrl: mock.url('finerworks'), telemetry: telemetry() }).buyAccountCredits({ amount: 99 } as never),
  },
  {
    label: '2sms (XML)', provider: 'accountadmin', operation: 'purchaseCredits', path: '/api/v1/AccountAdminAPI/PurchaseCredits', idempotency: 'unsafe', side: ['POST'],
    call: (options = {}, callOptions = {}) => createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), format: 'xml', retry: { baseDelayMs: 1 }, ...options }).purchaseCredits({ ...purchase, PurchaseID: crypto.randomUUID() } as never, callOptions),
    invalid: () => createAccountAdminClient({ ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'), format: 'xml', telemetry: telemetry() }).purchaseCredits({ ...purchase, Quantity: -1 } as never),
  },
];

const callSpans = (spans: ReadableSpan[]) => spans.filter((s) => s.kind === SpanKind.INTERNAL);
const clientSpans = (spans: ReadableSpan[]) => spans.filter((s) => s.kind === SpanKind.CLIENT);
const childOf = (child: ReadableSpan, parent: ReadableSpan) => child.parentSpanContext?.spanId === parent.spanContext().spanId && child.spanContext().traceId === parent.spanContext().traceId;

describe.each(CASES)('$label', (c) => {
  const name = `creditkit ${c.provider}.${c.operation}`;
  const opSpanName = `POST ${c.path}`;

  it('a success: one INTERNAL call span, one CLIENT span per request under it, HTTP attributes on each', async () => {
    await c.call({ telemetry: telemetry() });
    const spans = otel.spans();
    const [call, ...others] = callSpans(spans);
    expect(others).toEqual([]);
    expect(call!.name).toBe(name);
    expect(call!.attributes).toMatchObject({ 'creditkit.provider': c.provider, 'creditkit.operation': c.operation, 'creditkit.idempotency': c.idempotency, 'creditkit.outcome': 'applied', 'creditkit.requests': 1 });
    expect(call!.status.code).toBe(SpanStatusCode.UNSET);
    const requests = clientSpans(spans);
    expect(requests.map((s) => s.name)).toEqual([...c.side, opSpanName]);
    for (const r of requests) expect(childOf(r, call!)).toBe(true);
    const op = requests.at(-1)!;
    const origin = new URL(mock.url(c.provider));
    expect(op.attributes).toEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'POST',
      [ATTR_SERVER_ADDRESS]: '127.0.0.1',
      [ATTR_SERVER_PORT]: Number(origin.port),
      [ATTR_URL_FULL]: `${mock.url(c.provider)}${c.path}`,
      'url.template': c.path,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
    });
    expect(op.status.code).toBe(SpanStatusCode.UNSET);
    if (c.side.length) {
      // The token request: a CLIENT span of its own (no template: it is no operation), and a token_fetch event.
      expect(requests[0]!.attributes).toMatchObject({ [ATTR_HTTP_REQUEST_METHOD]: 'POST', [ATTR_URL_FULL]: `${mock.url(c.provider)}/Token`, [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200 });
      expect(requests[0]!.attributes['url.template']).toBeUndefined();
      expect(call!.events.map((e) => e.name)).toEqual(['creditkit.token_fetch']);
    } else {
      expect(call!.events).toEqual([]);
    }
    const [duration] = await otel.points('creditkit.call.duration');
    expect(duration!.attributes).toEqual({ 'creditkit.provider': c.provider, 'creditkit.operation': c.operation, 'creditkit.outcome': 'applied' });
    expect((duration!.value as { count: number }).count).toBe(1);
    expect((await otel.points('creditkit.call.attempts')).map((p) => [p.attributes['creditkit.outcome'], p.value])).toEqual([['applied', 1]]);
  });

  it('a retried 429: two CLIENT spans (the first a 429 error, the second resend 1), a retry event, the wait measured', async () => {
    mock.faults.add({ provider: c.provider, path: c.path, fault: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } } });
    await c.call({ telemetry: telemetry() });
    const spans = otel.spans();
    const [call] = callSpans(spans);
    const ops = clientSpans(spans).filter((s) => s.name === opSpanName);
    expect(ops.map((s) => [s.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE], s.attributes[ATTR_ERROR_TYPE], s.attributes[ATTR_HTTP_REQUEST_RESEND_COUNT], s.status.code])).toEqual([
      [429, '429', undefined, SpanStatusCode.ERROR],
      [200, undefined, 1, SpanStatusCode.UNSET],
    ]);
    for (const op of ops) expect(childOf(op, call!)).toBe(true);
    const retry = call!.events.find((e) => e.name === 'creditkit.retry')!;
    expect(retry.attributes).toMatchObject({ 'creditkit.attempt': 1, 'creditkit.wait_ms': 1000, 'creditkit.server_requested': true, 'creditkit.reason': expect.stringContaining('429') });
    expect(call!.attributes).toMatchObject({ 'creditkit.outcome': 'applied', 'creditkit.requests': 2 });
    expect(call!.status.code).toBe(SpanStatusCode.UNSET);
    const [wait] = await otel.points('creditkit.rate_limit.wait');
    expect(wait!.attributes).toEqual({ 'creditkit.provider': c.provider, 'creditkit.operation': c.operation, 'creditkit.wait.source': 'retry_after' });
    expect(wait!.value).toMatchObject({ count: 1, sum: 1 });
    expect((await otel.points('creditkit.call.attempts')).map((p) => p.value)).toEqual([2]);
  });

  it('an OutcomeUnknownError: the call span ends in_doubt with error.type, the CLIENT span with a connection error', async () => {
    // Processed, then the connection dropped: an unsafe purchase is never resent.
    mock.faults.add({ provider: c.provider, path: c.path, fault: { kind: 'reset-after' } });
    const error = await c.call({ telemetry: telemetry() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const spans = otel.spans();
    const [call] = callSpans(spans);
    expect(call!.attributes).toMatchObject({ 'creditkit.outcome': 'in_doubt', [ATTR_ERROR_TYPE]: 'OutcomeUnknownError', 'creditkit.requests': 1 });
    expect(call!.status).toEqual({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    const op = clientSpans(spans).find((s) => s.name === opSpanName)!;
    expect(op.attributes).toMatchObject({ [ATTR_ERROR_TYPE]: 'connection' });
    expect(op.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBeUndefined();
    expect(op.status.code).toBe(SpanStatusCode.ERROR);
    const [duration] = await otel.points('creditkit.call.duration');
    expect(duration!.attributes).toEqual({ 'creditkit.provider': c.provider, 'creditkit.operation': c.operation, 'creditkit.outcome': 'in_doubt', [ATTR_ERROR_TYPE]: 'OutcomeUnknownError' });
  });

  it('a validation failure: the call span alone (failed, ValidationError), no CLIENT span, nothing sent', async () => {
    const error = await c.invalid().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const spans = otel.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]!.name).toBe(name);
    expect(spans[0]!.attributes).toMatchObject({ 'creditkit.outcome': 'failed', [ATTR_ERROR_TYPE]: 'ValidationError', 'creditkit.requests': 0 });
    expect(spans[0]!.status.code).toBe(SpanStatusCode.ERROR);
    expect(mock.requests).toHaveLength(0);
    expect(await otel.points('creditkit.call.attempts')).toEqual([]);
  });

  it("the call span is a child of the caller's active span; an intent id is an attribute", async () => {
    const tracer = otel.tracerProvider.getTracer('app');
    await tracer.startActiveSpan('checkout', async (checkout) => {
      await c.call({ telemetry: telemetry() }, { intentId: 'order-77' });
      checkout.end();
    });
    const spans = otel.spans();
    const checkout = spans.find((s) => s.name === 'checkout')!;
    const [call] = callSpans(spans).filter((s) => s.name === name);
    expect(childOf(call!, checkout)).toBe(true);
    expect(call!.attributes['creditkit.intent.id']).toBe('order-77');
  });
});

describe('trace context and HTTP auto-instrumentation', () => {
  const c = CASES[0]!;
  const sentHeaders = () => mock.requests.at(-1)!.headers;

  it('sends no traceparent by default (the vendor is a third party)', async () => {
    await c.call({ telemetry: telemetry() });
    expect(sentHeaders().traceparent).toBeUndefined();
    expect(otel.spans()).toHaveLength(2);
  });

  it('propagateContext: true sends the CLIENT span as traceparent', async () => {
    await c.call({ telemetry: telemetry({ propagateContext: true }) });
    const op = clientSpans(otel.spans())[0]!;
    expect(sentHeaders().traceparent).toBe(`00-${op.spanContext().traceId}-${op.spanContext().spanId}-01`);
  });

  // What an undici/http auto-instrumentation sees while creditkit sends: tracing suppressed (no duplicate span, no
  // unscrubbed URL), unless transportSpans is on; then its span would be a child of creditkit's CLIENT span.
  const probe = (seen: { suppressed?: boolean; active?: string }): Transport => (request, ctx, config) => {
    seen.suppressed = isTracingSuppressed(context.active());
    seen.active = trace.getActiveSpan()?.spanContext().spanId;
    return fetchTransport(request, ctx, config);
  };

  it.each([
    [false, true],
    [true, false],
  ])('transportSpans %s: tracing suppressed while sending is %s', async (transportSpans, suppressed) => {
    const seen: { suppressed?: boolean; active?: string } = {};
    await c.call({ telemetry: telemetry({ transportSpans }), transport: probe(seen) });
    expect(seen.suppressed).toBe(suppressed);
    expect(seen.active).toBe(clientSpans(otel.spans())[0]!.spanContext().spanId);
  });

  it('useOpenTelemetry() traces every client through the global providers; telemetry: false opts one out', async () => {
    trace.setGlobalTracerProvider(otel.tracerProvider);
    useOpenTelemetry();
    await c.call();
    expect(callSpans(otel.spans()).map((s) => s.name)).toEqual([`creditkit ${c.provider}.${c.operation}`]);
    otel.exporter.reset();
    await c.call({ telemetry: false });
    expect(otel.spans()).toEqual([]);
    stopOpenTelemetry();
    await c.call();
    expect(otel.spans()).toEqual([]);
  });

  it('an instrumenter that throws never changes the call: the purchase is returned and the failure logged', async () => {
    const lines: { event: string; step?: string }[] = [];
    const broken = { name: 'broken', startCall: () => ({ recording: true, event() {}, request: (_s: unknown, send: (h: Record<string, string>) => Promise<never>) => send({}), end() { throw new Error('exporter down'); } }) };
    const result = await c.call({ telemetry: broken, logger: (l: { event: string; step?: string }) => lines.push(l) });
    expect(result).toMatchObject({ status: { success: true } });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'telemetry.failed', step: 'end', error: 'exporter down' }));
  });

  it('a telemetry option that is no instrumenter is a ConfigurationError naming it', () => {
    expect(() => createFinerWorksClient({ ...mock.credentials.finerworks, telemetry: {} as never })).toThrow(/telemetry must be false or an instrumenter/);
  });
});
