// With `@opentelemetry/api` and no SDK registered, the instrumenter hands core no trace at all: the call does the
// same work as with no instrumenter (the bench's "no SDK" row measures what is left: one no-op span start).
import { createNoopMeter, type MeterProvider } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { MeterProvider as SdkMeterProvider } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { createClient } from '../client.js';
import type { LogLine } from '../plugins/logger.js';
import { openTelemetryInstrumenter } from './otel-instrumenter.js';

const server = useTinyMock();

const start = { provider: 'tiny', operation: 'getBalance', idempotency: 'safe' };

describe('openTelemetry() and the providers it finds', () => {
  it('no SDK registered: no trace for the call', () => {
    expect(openTelemetryInstrumenter().startCall(start)).toBeUndefined();
  });

  it('a no-op meter and a tracer that does not record: no trace either', () => {
    const noopMeters: MeterProvider = { getMeter: () => createNoopMeter() };
    expect(openTelemetryInstrumenter({ meterProvider: noopMeters }).startCall(start)).toBeUndefined();
  });

  it('a tracer provider of an SDK: a recording trace', () => {
    const trace = openTelemetryInstrumenter({ tracerProvider: new BasicTracerProvider() }).startCall(start);
    expect(trace?.recording).toBe(true);
  });

  it('a meter provider of an SDK and no tracer: a trace that measures but records no span', () => {
    const trace = openTelemetryInstrumenter({ meterProvider: new SdkMeterProvider() }).startCall(start);
    expect(trace?.recording).toBe(false);
  });
});

describe('a client with openTelemetry() and no SDK', () => {
  it('calls as with no instrumenter: the answer, the same log lines, no telemetry failure', async () => {
    const lines: LogLine[] = [];
    const client = createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny'), telemetry: openTelemetryInstrumenter(), logger: (l) => lines.push(l) });
    expect(await client.call(tinyOperations.getBalance, { account: 'a' })).toMatchObject({ account: 'a' });
    expect(lines.map((l) => l.event)).toEqual(['request.end']);
  });
});
