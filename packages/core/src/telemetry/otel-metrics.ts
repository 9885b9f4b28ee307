// The three instruments of `@creditkit/core/otel`: how long calls take, how many requests they send, and how long
// they wait for a rate limit, by provider, operation and outcome. Names follow the OpenTelemetry conventions
// (seconds, dotted lower-case names under the library's namespace).
import { type Counter, createNoopMeter, type Histogram, type MeterProvider, metrics } from '@opentelemetry/api';

/** The names of the three instruments: call duration (s), requests sent per call, rate-limit waits (s). */
export const METRIC_NAMES = {
  duration: 'creditkit.call.duration',
  attempts: 'creditkit.call.attempts',
  rateLimitWait: 'creditkit.rate_limit.wait',
} as const;

interface Instruments {
  duration: Histogram;
  attempts: Counter;
  rateLimitWait: Histogram;
  /** The meter is the API's no-op one (no SDK registered): nothing would record a value. */
  noop: boolean;
}

// The API does not export its no-op meter provider; its no-op histogram's class tells one apart.
const NOOP_HISTOGRAM = createNoopMeter().createHistogram('creditkit.probe').constructor;

/**
 * The instruments, made again when the meter provider changes: the API has no proxy meter, so an SDK registered
 * after a client was created would otherwise never see its calls.
 */
export function callMetrics(scope: string, fixed: MeterProvider | undefined): () => Instruments {
  let provider: MeterProvider | undefined;
  let instruments: Instruments | undefined;
  return () => {
    const current = fixed ?? metrics.getMeterProvider();
    if (instruments && current === provider) return instruments;
    provider = current;
    const meter = current.getMeter(scope);
    instruments = {
      duration: meter.createHistogram(METRIC_NAMES.duration, {
        unit: 's', description: 'Duration of creditkit calls, retries and waits included',
        advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] },
      }),
      attempts: meter.createCounter(METRIC_NAMES.attempts, { unit: '{request}', description: 'Requests creditkit calls sent for their operation, retries and re-authorized resends included' }),
      rateLimitWait: meter.createHistogram(METRIC_NAMES.rateLimitWait, {
        unit: 's', description: 'Time creditkit calls waited because a server asked (Retry-After, a shared pause) or a quota was spent',
        advice: { explicitBucketBoundaries: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] },
      }),
      noop: false,
    };
    instruments.noop = instruments.duration.constructor === NOOP_HISTOGRAM;
    return instruments;
  };
}
