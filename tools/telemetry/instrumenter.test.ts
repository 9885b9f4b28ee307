// The OpenTelemetry instrumenter on its own, fed the way core feeds it: which events are rate-limit waits (and in
// which unit they are measured), how attributes are cut and named, the HTTP attributes of URLs without a port or
// with an IPv6 host, and where a status turns a CLIENT span into an error.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { openTelemetry } from '@creditkit/core/otel';
import { beforeEach, describe, expect, it } from 'vitest';
import { otelHarness } from './otel-harness.js';

const otel = otelHarness();
beforeEach(() => otel.reset());

const start = { provider: 'fusebill', operation: 'createPurchaseProductItem', idempotency: 'key' };
const instrumenter = () => openTelemetry({ tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider });
const answer = (status: number) => async () => ({ status });
const noErrorType = () => 'never';

describe('openTelemetry() fed by core', () => {
  it('is named, and traces a call with no intent without an intent attribute', () => {
    const i = instrumenter();
    expect(i.name).toBe('opentelemetry');
    i.startCall(start)!.end({ outcome: 'applied' });
    const [call] = otel.spans();
    expect(call!.kind).toBe(SpanKind.INTERNAL);
    expect(Object.keys(call!.attributes)).not.toContain('creditkit.intent.id');
  });

  it('measures only the waits a server or a quota imposed, in seconds, by source', async () => {
    const trace = instrumenter().startCall(start)!;
    trace.event('creditkit.retry', { attempt: 1, waitMs: 500, serverRequested: false }); // backoff: no rate limit
    trace.event('creditkit.retry', { attempt: 2, waitMs: 1500, serverRequested: true });
    trace.event('creditkit.server_wait', { waitMs: 200 });
    trace.event('creditkit.server_wait', { waitMs: 0 });
    trace.event('creditkit.quota_wait', { window: 'minute', waitMs: 300 });
    trace.event('creditkit.quota_wait', { window: 'minute', waitMs: '300' });
    trace.event('creditkit.token_fetch', { waitMs: 100 });
    trace.end({ outcome: 'applied' });
    const points = await otel.points('creditkit.rate_limit.wait');
    const bySource = Object.fromEntries(points.map((p) => [p.attributes['creditkit.wait.source'], p.value]));
    expect(Object.keys(bySource).sort()).toEqual(['quota', 'retry_after', 'shared']);
    expect(bySource.retry_after).toMatchObject({ count: 1, sum: 1.5 });
    expect(bySource.shared).toMatchObject({ count: 1, sum: 0.2 });
    expect(bySource.quota).toMatchObject({ count: 1, sum: 0.3 });
    expect(otel.spans()[0]!.events.map((e) => e.name)).toEqual([
      'creditkit.retry', 'creditkit.retry', 'creditkit.server_wait', 'creditkit.server_wait', 'creditkit.quota_wait', 'creditkit.quota_wait', 'creditkit.token_fetch',
    ]);
  });

  it('names event attributes creditkit.<snake_case>, keeps primitives only and cuts long text at 512 characters', () => {
    const trace = instrumenter().startCall(start)!;
    trace.event('creditkit.retry', { waitMs: 1, serverRequested: true, reason: 'x'.repeat(600), nested: { a: 1 }, list: [1, 2], missing: undefined });
    trace.end({ outcome: 'failed', errorType: 'ServerError', message: 'y'.repeat(600) });
    const [call] = otel.spans();
    expect(call!.events[0]!.attributes).toEqual({ 'creditkit.wait_ms': 1, 'creditkit.server_requested': true, 'creditkit.reason': 'x'.repeat(512) });
    expect(call!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'y'.repeat(512) });
    expect(call!.attributes['error.type']).toBe('ServerError');
  });

  it('measures a call in seconds, not milliseconds', async () => {
    const trace = instrumenter().startCall(start)!;
    await new Promise((r) => setTimeout(r, 60));
    trace.end({ outcome: 'applied' });
    const [duration] = await otel.points('creditkit.call.duration');
    const { sum } = duration!.value as { sum: number };
    expect(sum).toBeGreaterThan(0.05);
    expect(sum).toBeLessThan(30);
  });

  it('server.port from the scheme when the URL has none, an IPv6 host without brackets, 400 and up an error', async () => {
    const trace = instrumenter().startCall(start)!;
    await trace.request({ method: 'POST', url: () => 'https://api.example.com/v1/x', urlTemplate: '/v1/x' }, answer(399), noErrorType);
    await trace.request({ method: 'POST', url: () => 'http://[::1]/v1/x', urlTemplate: '/v1/x' }, answer(400), noErrorType);
    await trace.request({ method: 'GET', url: () => 'http://127.0.0.1:8080/clock' }, answer(200), noErrorType);
    trace.end({ outcome: 'applied' });
    const clients = otel.spans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(clients.map((s) => [s.name, s.attributes['server.address'], s.attributes['server.port'], s.attributes['http.request.resend_count'], s.status.code])).toEqual([
      ['POST /v1/x', 'api.example.com', 443, undefined, SpanStatusCode.UNSET],
      ['POST /v1/x', '::1', 80, 1, SpanStatusCode.ERROR],
      ['GET', '127.0.0.1', 8080, undefined, SpanStatusCode.UNSET],
    ]);
    expect(clients[1]!.attributes['error.type']).toBe('400');
    // Side requests (no template) are not the operation's: two requests counted, not three.
    expect(otel.spans().find((s) => s.kind === SpanKind.INTERNAL)!.attributes['creditkit.requests']).toBe(2);
    expect((await otel.points('creditkit.call.attempts')).map((p) => p.value)).toEqual([2]);
  });

  it('a request that throws: its error type on the span, the error passed on unchanged', async () => {
    const trace = instrumenter().startCall(start)!;
    const boom = new Error('socket hang up');
    await expect(trace.request({ method: 'POST', url: () => 'http://127.0.0.1:1/x', urlTemplate: '/x' }, () => Promise.reject(boom), () => 'connection')).rejects.toBe(boom);
    trace.end({ outcome: 'in_doubt', errorType: 'OutcomeUnknownError' });
    const client = otel.spans().find((s) => s.kind === SpanKind.CLIENT)!;
    expect(client.attributes['error.type']).toBe('connection');
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
    expect(client.attributes['http.response.status_code']).toBeUndefined();
  });
});
