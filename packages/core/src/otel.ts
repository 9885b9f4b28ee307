// `@creditkit/core/otel`: OpenTelemetry traces and metrics for every creditkit client, the Azure SDK way: built in,
// no-op until you opt in. Needs `@opentelemetry/api` (an optional peer, >=1.3 <2) and an SDK of your choice.
//
//   import { useOpenTelemetry } from '@creditkit/core/otel';
//   useOpenTelemetry();                                  // every client, through the global providers
//   createFusebillClient({ telemetry: openTelemetry({ tracerProvider }) }); // or one client, its own providers
/**
 * OpenTelemetry traces and metrics for every creditkit client: built in, no-op until you opt in with
 * `useOpenTelemetry()` (every client) or `openTelemetry()` (one client's `telemetry` option). Needs
 * `@opentelemetry/api` (an optional peer, >=1.3 <2) and an SDK of your choice.
 *
 * @module
 */
import { type Instrumenter, setDefaultInstrumenter } from './telemetry/instrumenter.js';
import { type OpenTelemetryOptions, openTelemetryInstrumenter } from './telemetry/otel-instrumenter.js';

export type { OpenTelemetryOptions };
export type { CallEnd, CallOutcome, CallStart, CallTrace, Instrumenter, RequestErrorType, RequestStart } from './telemetry/instrumenter.js';
export { METRIC_NAMES } from './telemetry/otel-metrics.js';
export { TRACED_EVENTS } from './telemetry/traced-events.js';

/** An instrumenter for one client's `telemetry` option. */
export function openTelemetry(options: OpenTelemetryOptions = {}): Instrumenter {
  return openTelemetryInstrumenter(options);
}

/** Traces and measures every client created without a `telemetry` option (and those created before this call). */
export function useOpenTelemetry(options: OpenTelemetryOptions = {}): Instrumenter {
  const instrumenter = openTelemetryInstrumenter(options);
  setDefaultInstrumenter(instrumenter);
  return instrumenter;
}

/** Stops the default instrumenter (clients with their own `telemetry` option keep theirs). */
export function stopOpenTelemetry(): void {
  setDefaultInstrumenter(undefined);
}
