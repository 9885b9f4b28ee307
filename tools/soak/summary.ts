// The soak's report: one line per round, then calls, retries, outcomes by class, faults by kind, findings
// and the heap after GC per round.
import type { RepeatedPurchaseId } from '@creditkit/mock';
import { type Findings, MIN_SUCCESS_RATE } from './checks.js';

export interface RoundLine {
  round: number;
  /** What the 2sms simulator did with a repeated PurchaseID. */
  twoSms: RepeatedPurchaseId;
  clockMoved: boolean;
  calls: number;
  ok: number;
  retries: number;
  faults: number;
  heapMiB: number;
  ms: number;
  /** The slowest call that met no fault: the load-induced latency the attempt timeout must stay above. */
  slowestCleanMs: number;
}

const count = <T>(items: Iterable<T>) => {
  const out = new Map<T, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return [...out].sort((a, b) => b[1] - a[1]);
};
const pad = (v: unknown, n: number) => String(v).padStart(n);

export function formatSummary(input: {
  seed: number;
  cases: number;
  rounds: RoundLine[];
  outcomes: string[];
  faultKinds: string[];
  findings: Findings;
  /** Success rate per provider case, per round. */
  rates: Map<string, number[]>;
  unhandled: number;
  heapGrowthMiB: number;
  heapBoundMiB: number;
  seconds: number;
  passed: boolean;
}): string {
  const { rounds, findings } = input;
  const lines = [
    `creditkit soak: ${rounds.length} rounds x ${rounds[0]?.calls ?? 0} concurrent calls over ${input.cases} provider cases, seed ${input.seed}`,
    '',
    'round  2sms repeat  clock  calls     ok  retries  faults  heap MiB   round ms  slowest fault-free call ms',
    ...rounds.map((r) => `${pad(r.round, 5)}  ${pad(r.twoSms, 11)}  ${pad(r.clockMoved ? 'moved' : '', 5)}  ${pad(r.calls, 5)}  ${pad(r.ok, 5)}  ${pad(r.retries, 7)}  ${pad(r.faults, 6)}  ${pad(r.heapMiB.toFixed(1), 8)}  ${pad(Math.round(r.ms), 9)}  ${pad(Math.round(r.slowestCleanMs), 26)}`),
    '',
    `calls: ${input.outcomes.length}; retries: ${rounds.reduce((n, r) => n + r.retries, 0)}; faults injected: ${input.faultKinds.length}`,
    `outcomes by class: ${count(input.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `faults by kind: ${count(input.faultKinds).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `duplicates: ${findings.duplicates.length}; successes without exactly one purchase: ${findings.lostSuccesses.length}; untyped failures: ${findings.untyped.length}; errors no fault explains: ${findings.unexplained.length}; unhandled rejections: ${input.unhandled}`,
    `outcome-unknown / already-applied without an ambiguous fault: ${findings.unmatchedAmbiguity.length}; unsafe purchases that met one and did not say so: ${findings.missedAmbiguity.length}`,
    `success rate per case, lowest round (minimum ${Math.round(MIN_SUCCESS_RATE * 100)}%): ${[...input.rates].map(([label, r]) => `${label} ${(Math.min(...r) * 100).toFixed(0)}%`).join(', ')}; case-rounds below: ${findings.lowSuccess.length}`,
    `heap after GC: ${rounds.map((r) => r.heapMiB.toFixed(1)).join(' ')} MiB; growth after round 1: ${input.heapGrowthMiB.toFixed(1)} MiB (bound ${input.heapBoundMiB} MiB)`,
  ];
  for (const [name, list] of Object.entries(findings)) for (const item of list.slice(0, 5)) lines.push(`  ${name}: ${item}`);
  lines.push('', `${input.passed ? 'PASS' : 'FAIL'} in ${input.seconds.toFixed(1)} s`);
  return lines.join('\n');
}
