// The workers' fault plan: the soak's (tools/soak/fault-plan.ts: drops before and after processing, 5xx, garbled
// and cut-off answers, latency spikes, a 429 burst per provider), with a burst per provider every few dozen
// requests instead of one, a spike sized to the workers' shorter attempt timeout, and slow answers below it.
// Only requests tagged with `x-request-id` (the workers tag each purchase with its intent id) meet faults: the
// side requests (a 2sms token, a Safe Creative clock read) never do.
import type { FaultRule, SimulatorId } from '@creditkit/mock';
import { burstsIn, perRequestRules } from '../soak/fault-plan.js';

/**
 * Per attempt. Each worker has at most a few calls in flight, so even 8 workers and the simulators on 2 cores
 * answer in well under a second; a timeout is a planned spike (or a restart's CPU spike), and ends in doubt.
 */
export const ATTEMPT_TIMEOUT_MS = 3000;
const SPIKE_MS = ATTEMPT_TIMEOUT_MS + 500;
/** Bursts per provider over the run (each armed a few dozen requests after the previous one). */
const BURSTS = 4;

/** Slow answers that still arrive in time: they keep purchases in flight long enough to be killed mid-way. */
const SLOW: FaultRule[] = [
  { fault: { kind: 'latency', ms: 400 }, probability: 0.15, tagged: true, times: Number.POSITIVE_INFINITY },
  { fault: { kind: 'latency', ms: 120 }, probability: 0.5, tagged: true, times: Number.POSITIVE_INFINITY },
];

export function workersFaultPlan(seed: number, providers: readonly SimulatorId[]): FaultRule[] {
  const bursts = Array.from({ length: BURSTS }, (_, i) => burstsIn(seed, i + 1, providers).map((rule) => ({ ...rule, skip: (rule.skip ?? 0) + i * 60 })));
  return [...bursts.flat(), ...perRequestRules(SPIKE_MS), ...SLOW];
}
