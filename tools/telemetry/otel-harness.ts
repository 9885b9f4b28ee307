// An OpenTelemetry SDK in memory, for tests and the bench: finished spans in an InMemorySpanExporter, metrics read on
// demand by a pull reader, the AsyncLocalStorage context manager (parent/child across awaits) and the W3C propagator.
import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { type DataPoint, type Histogram, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

/** A reader that exports nothing by itself: `collect()` when a test (or the bench) asks. */
export class PullReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

export interface OtelHarness {
  tracerProvider: BasicTracerProvider;
  meterProvider: MeterProvider;
  exporter: InMemorySpanExporter;
  spans(): ReadableSpan[];
  /** The data points of one metric, by name. */
  points(name: string): Promise<DataPoint<number | Histogram>[]>;
  reset(): void;
}

let globalsSet = false;

export function otelHarness(): OtelHarness {
  if (!globalsSet) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    globalsSet = true;
  }
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let reader = new PullReader();
  let meterProvider = new MeterProvider({ readers: [reader] });
  const harness: OtelHarness = {
    tracerProvider,
    get meterProvider() {
      return meterProvider;
    },
    exporter,
    spans: () => exporter.getFinishedSpans(),
    async points(name) {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).filter((m) => m.descriptor.name === name).flatMap((m) => m.dataPoints as DataPoint<number | Histogram>[]);
    },
    reset() {
      exporter.reset();
      reader = new PullReader();
      meterProvider = new MeterProvider({ readers: [reader] });
    },
  };
  return harness;
}
