// The seeded fault plan of one soak round: per-request probabilities for drops, cut-off and garbled bodies,
// latency spikes, 5xx and bad answers (before and AFTER the simulator processed the request), plus a 429 burst
// per provider at a seeded point of the round. Only a call's own requests (tagged with `x-request-id`) meet
// faults, so every fault is traced to the call it met and an error on a call that met none is a finding.
import { type Fault, type FaultRule, mulberry32, type SimulatorId } from '@creditkit/mock';

/**
 * Far above the latency a few hundred concurrent calls reach in one process on 2 cores (~2 s at worst when the
 * cores are free, 5 s seen while other jobs shared them), so that a timeout means a planned spike, never load:
 * an error on a call that met no fault is a finding.
 */
export const ATTEMPT_TIMEOUT_MS = 8000;
/** Every latency fault is a spike past the attempt timeout: a timeout, never mere slowness. */
export const SPIKE_MS = ATTEMPT_TIMEOUT_MS + 500;

/**
 * Faults after which the client cannot know whether the request was processed. An unsafe purchase that
 * meets one must end as OutcomeUnknownError; no OutcomeUnknownError may happen without one.
 */
export const AMBIGUOUS: ReadonlySet<Fault['kind']> = new Set([
  'reset-before', 'reset-after', 'truncate-after', 'malformed-after', 'latency', 'oversize', 'invalid-utf8', 'content-type', 'slow-body',
  'stall-after',
]);

const HTML = '<html><body><h1>500 Internal Server Error</h1></body></html>';

/** Probability per matching request (the plan draws from its own seeded generator). */
const PER_REQUEST: [Fault, number][] = [
  [{ kind: 'reset-before' }, 0.025],
  [{ kind: 'reset-after' }, 0.025],
  [{ kind: 'truncate-after' }, 0.025],
  [{ kind: 'malformed-after' }, 0.025],
  [{ kind: 'latency', ms: SPIKE_MS }, 0.015],
  [{ kind: 'status', status: 503, headers: { 'retry-after-ms': '20' } }, 0.02],
  [{ kind: 'status', status: 500 }, 0.02],
  [{ kind: 'status', status: 502, headers: { 'content-type': 'text/html' }, body: HTML }, 0.015],
  [{ kind: 'oversize', bytes: 512 * 1024 }, 0.008],
  [{ kind: 'invalid-utf8' }, 0.008],
  [{ kind: 'content-type', contentType: 'text/html', body: HTML }, 0.008],
  [{ kind: 'slow-body', intervalMs: 50 }, 0.004],
  // Processed, then the answer says it failed (a crash after the write, a gateway that lost the answer), or never
  // comes: a client that resends an unsafe purchase on these buys twice.
  [{ kind: 'status-after', status: 500 }, 0.012],
  [{ kind: 'status-after', status: 502, headers: { 'content-type': 'text/html' }, body: HTML }, 0.008],
  [{ kind: 'status-after', status: 504, headers: { 'content-type': 'text/html' }, body: HTML }, 0.008],
  [{ kind: 'stall-after' }, 0.006],
];

/** The rules of round `round`: same seed and round, same plan. */
export function faultPlan(seed: number, round: number, providers: readonly SimulatorId[]): FaultRule[] {
  return [...burstsIn(seed, round, providers), ...perRequestRules()];
}

/** A burst per provider: the next 6 requests to it after a seeded number of them are refused with 429. */
export function burstsIn(seed: number, round: number, providers: readonly SimulatorId[]): FaultRule[] {
  const random = mulberry32(seed * 1009 + round);
  return providers.map((provider): FaultRule => ({
    provider,
    tagged: true,
    skip: Math.floor(random() * 40),
    times: 6,
    fault: { kind: 'status', status: 429, headers: { 'retry-after-ms': '25' } },
  }));
}

/** The per-request faults, each with its probability; the latency spike lasts `spikeMs` (a harness with a shorter attempt timeout passes its own). */
export function perRequestRules(spikeMs = SPIKE_MS): FaultRule[] {
  return PER_REQUEST.map(([fault, probability]): FaultRule => ({ fault: fault.kind === 'latency' ? { ...fault, ms: spikeMs } : fault, probability, tagged: true, times: Number.POSITIVE_INFINITY }));
}
