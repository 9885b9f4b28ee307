// Section: what OpenTelemetry costs per call. One FinerWorks purchase against the bench server (its own process,
// keep-alive), sequential: raw `node:http` (the reference), creditkit with no instrumenter, with `openTelemetry()`
// and no SDK registered (the API's no-op providers), and with an SDK exporting every span to memory and a metric
// reader. Rounds interleave the variants (a different one first each round); medians across rounds.
import { trace } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Instrumenter } from '@creditkit/core';
import { openTelemetry } from '@creditkit/core/otel';
import { createFinerWorksClient } from '@creditkit/finerworks';
import { CONTENDERS, REFERENCE } from './contenders.js';
import { FINERWORKS_INPUT, FINERWORKS_KEYS } from './fixtures.js';
import type { BenchOptions } from './options.js';
import { fmt, ratio, type SectionResult, table } from './report.js';
import { startBenchServer } from './server-handle.js';
import { PullReader } from '../telemetry/otel-harness.js';
import { median } from './stats.js';

type Options = BenchOptions['telemetry'];

interface Variant {
  name: string;
  send(): Promise<unknown>;
}

export async function runTelemetry(o: Options): Promise<SectionResult> {
  const began = performance.now();
  // The no-SDK row means what it says: nothing registered globally in this process.
  if (trace.getTracerProvider().getTracer('probe').startSpan('probe').isRecording()) throw new Error('a global tracer provider is registered: the no-SDK row would measure it');
  const server = await startBenchServer();
  const exporter = new InMemorySpanExporter();
  const reader = new PullReader();
  const sdk = {
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    meterProvider: new MeterProvider({ readers: [reader] }),
  };
  const raw = CONTENDERS.find((c) => c.name === REFERENCE)!.create(server.baseUrl);
  const finerWorks = (telemetry: Instrumenter | false) => {
    const client = createFinerWorksClient({ ...FINERWORKS_KEYS, baseUrl: server.baseUrl, telemetry });
    return () => client.buyAccountCredits(FINERWORKS_INPUT);
  };
  const variants: Variant[] = [
    { name: 'raw `node:http` (reference)', send: raw.send },
    { name: 'creditkit, no instrumenter', send: finerWorks(false) },
    { name: 'creditkit, `openTelemetry()`, no SDK', send: finerWorks(openTelemetry()) },
    { name: 'creditkit, SDK + in-memory exporter', send: finerWorks(openTelemetry(sdk)) },
  ];
  const wall = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const cpu = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  let spansPerCall = 0;
  try {
    for (const v of variants) for (let i = 0; i < o.warmup; i++) await v.send();
    for (let round = 0; round < o.rounds; round++) {
      for (let i = 0; i < variants.length; i++) {
        const v = variants[(i + round) % variants.length]!;
        exporter.reset();
        const usage = process.cpuUsage();
        const started = performance.now();
        for (let k = 0; k < o.calls; k++) await v.send();
        wall.get(v.name)!.push(((performance.now() - started) * 1000) / o.calls);
        const used = process.cpuUsage(usage);
        cpu.get(v.name)!.push((used.user + used.system) / o.calls);
        if (v === variants[3]) spansPerCall = exporter.getFinishedSpans().length / o.calls;
      }
    }
  } finally {
    await raw.close?.();
    await server.stop();
  }
  // What the no-SDK row adds, without the network's noise: `startCall` alone, which then hands core no trace.
  const instrumenter = openTelemetry();
  const start = { provider: 'finerworks', operation: 'buyAccountCredits', idempotency: 'unsafe' };
  const startCallNs: number[] = [];
  for (let round = 0; round < o.rounds; round++) {
    const t = performance.now();
    for (let k = 0; k < o.calls * 100; k++) instrumenter.startCall(start);
    startCallNs.push(((performance.now() - t) * 1e6) / (o.calls * 100));
  }
  const { resourceMetrics } = await reader.collect();
  const recorded = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.descriptor.name));
  const ref = variants[0]!.name;
  const paired = (m: Map<string, number[]>, name: string, base: string) => median(m.get(name)!.map((x, i) => x / m.get(base)![i]!));
  const added = (m: Map<string, number[]>, name: string, base: string) => median(m.get(name)!.map((x, i) => x - m.get(base)![i]!));
  const none = variants[1]!.name;
  const rows = variants.map((v) => [
    v.name,
    `${fmt(median(wall.get(v.name)!), 0)} µs`,
    ratio(paired(wall, v.name, ref)),
    `${fmt(median(cpu.get(v.name)!), 0)} µs`,
    ratio(paired(cpu, v.name, ref)),
    v.name === ref || v.name === none ? '—' : `${fmt(added(cpu, v.name, none), 1)} µs`,
  ]);
  const markdown = `
One FinerWorks \`buyAccountCredits\` against the bench server (its own process, keep-alive, 127.0.0.1), sequential,
${o.rounds} interleaved rounds of ${fmt(o.calls)} calls per row after ${fmt(o.warmup)} warm-up calls each. Wall and client CPU time per
call, medians across rounds; ratios are the median of per-round ratios to raw \`node:http\` in the same round;
"CPU added" is the median per-round difference to the same client with no instrumenter.

${table(['per call', 'wall', '× node:http', 'client CPU', '× node:http', 'CPU added by telemetry'], rows)}

With no instrumenter (the default: no \`useOpenTelemetry()\`, no \`telemetry\` option) a call does no telemetry work at
all: no span, no clock read, no allocation. \`openTelemetry()\` with no SDK registered starts one non-recording
span per call through the API's no-op tracer, sees that neither the span nor the meter records, and hands core no
trace: the call then runs exactly as with no instrumenter. That check alone costs ${fmt(median(startCallNs), 0)} ns per call (median of
${o.rounds} rounds of ${fmt(o.calls * 100)} \`startCall\`s), below what the rows above can resolve. The SDK row records ${fmt(spansPerCall, 1)}
spans per call (the call's INTERNAL span and its CLIENT span) through a SimpleSpanProcessor into memory, and the
metrics ${recorded.map((n) => `\`${n}\``).join(', ')} through a MeterProvider; no context manager is registered, so
\`context.with\` costs its no-op here (the Node SDK's AsyncLocalStorage manager adds about a microsecond). A real
exporter batches and sends over the network off the call's path.
`;
  return { title: 'OpenTelemetry: cost per call with no SDK and with an SDK', markdown, targets: [], ms: performance.now() - began };
}


