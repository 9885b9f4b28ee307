// One run of the soak against one store: the simulators (one server, faults on, Safe Creative's clock 20 s
// off, a tight software_DNA budget), the main phase (8 workers, kills), the quota phases (Fusebill only, a
// tight per-minute limit, quotas off then on, no faults or kills), one reconcile pass, then the checks.
import { liftRateLimits } from '../reliability/providers.js';
import { startMockServer } from '@creditkit/mock';
import { checkIntents, checkQuotas, checkTokens, checkUnhandled, emptyFindings, type Findings, type IntentTally } from './checks.js';
import { workersFaultPlan } from './fault-plan.js';
import { intentsOf, PURCHASE_CASES, QUERY_CASE } from './intents.js';
import { reconcile } from './reconcile.js';
import { openStore } from './stores.js';
import { type PhaseResult, runPhase } from './supervisor.js';

export interface RunSetup {
  /** `file:<dir>`, `redis://…` or `none` (the calibration: no shared store). */
  store: string;
  label: string;
  seed: number;
  workers: number;
  intents: number;
  quotaIntents: number;
  /** Only the main phase, no reconcile pass, no quota phases: the calibration. */
  mainOnly?: boolean;
}

export interface RunReport {
  label: string;
  main: PhaseResult;
  quotaPhases?: { off: PhaseResult & { tooMany: number }; on: PhaseResult & { tooMany: number } };
  reconciled?: Record<string, number>;
  tally?: IntentTally;
  duplicates: number;
  tokensFetched: number;
  clockReads: number;
  dna429s: number;
  findings: Findings;
  seconds: number;
}

/** Leases short enough that a killed worker's intents are taken over within the run. */
const LEASE_MS = 2000;
/** A worker waits this long on an intent another holds, then moves on (IntentInFlightError). */
const WAIT_MS = 300;
/**
 * Fusebill in the quota phases: a sandbox-like budget (50 a minute) scaled down to seconds. The client learns the
 * limit from the headers but takes Fusebill's "minute" for 60 s, so quotas on are given the scaled window by name.
 */
const QUOTA = { perMinute: 20, minuteMs: 2000 };
const QUOTAS_ON = { windows: { minute: { points: QUOTA.perMinute, durationMs: QUOTA.minuteMs } } };
/**
 * The main phase's quotas: Fusebill's budget lifted, in windows of the same 2 s. Learned from its headers, the
 * window would be 60 s long, and its counter (kept under the window's name) would still be spent when the quota
 * phase starts.
 */
const QUOTAS_MAIN = { windows: { minute: { points: 1e9, durationMs: QUOTA.minuteMs } } };
const PHASE_LIMIT_MS = 150_000;
/** Each intent is given to this many of the workers (their slices overlap), each in its own order. */
const OVERLAP = 3;

export async function runStore(setup: RunSetup): Promise<RunReport> {
  const started = performance.now();
  // Safe Creative's clock 20 s ahead: each worker must learn the offset, or read it from the store. Not in the quota
  // phases: Fusebill's X-Rate-Limit-Reset-* are timestamps, and a client reads them against its own clock.
  let skewMs = 20_000;
  const mock = await startMockServer({ seed: setup.seed, now: () => Date.now() + skewMs });
  const { store, close } = await openStore(setup.store);
  try {
    liftRateLimits(mock);
    // Lifted, but in windows of the quota phases' length: the main phase's count is gone by the time they start.
    mock.simulators.fusebill.limits.minuteMs = QUOTA.minuteMs;
    Object.assign(mock.simulators.softwaredna.settings, { requestsPerPeriod: 10, periodMs: 2000 });
    mock.faults.clear(setup.seed);
    mock.faults.add(...workersFaultPlan(setup.seed, [...new Set([...PURCHASE_CASES, QUERY_CASE].map((c) => c.id))]));
    const config = { origin: mock.origin, store: setup.store, seed: setup.seed, intentLeaseMs: LEASE_MS, intentWaitMs: WAIT_MS, overlap: OVERLAP };
    const main = await runPhase({
      workers: setup.workers,
      config: { ...config, phase: 'main', intents: setup.intents, lanes: 2, queries: 12, quotas: QUOTAS_MAIN },
      kill: { minMs: 600, maxMs: 1500 },
      seed: setup.seed,
      limitMs: PHASE_LIMIT_MS,
    });
    mock.faults.clear();
    const findings = emptyFindings();
    const report: RunReport = { label: setup.label, main, duplicates: 0, tokensFetched: 0, clockReads: 0, dna429s: 0, findings, seconds: 0 };
    const intents = intentsOf('main', setup.intents);
    if (!setup.mainOnly) {
      Object.assign(mock.simulators.fusebill.limits, QUOTA);
      const quotaPhase = async (on: boolean) => {
        // A fresh minute window for each phase: the count starts from a whole budget.
        await new Promise((r) => setTimeout(r, QUOTA.minuteMs + 100));
        const before = mock.simulators.fusebill.rateLimited;
        const phase = on ? 'quota-on' : 'quota-off';
        const quotas = on ? QUOTAS_ON : false;
        const result = await runPhase({ workers: setup.workers, config: { ...config, phase, intents: setup.quotaIntents, lanes: 2, queries: 0, quotas }, seed: setup.seed, limitMs: PHASE_LIMIT_MS });
        intents.push(...intentsOf(phase, setup.quotaIntents));
        return { ...result, tooMany: mock.simulators.fusebill.rateLimited - before };
      };
      skewMs = 0;
      const off = await quotaPhase(false);
      const on = await quotaPhase(true);
      skewMs = 20_000;
      report.quotaPhases = { off, on };
      checkQuotas(off.tooMany, on.tooMany, findings);
      liftRateLimits(mock);
      report.reconciled = await reconcile(intents, { origin: mock.origin, store, intentWaitMs: LEASE_MS * 2, intentLeaseMs: LEASE_MS, concurrency: 8 });
    }
    if (store) report.tally = checkIntents(intents, await store.list({ prefix: 'intent:' }), mock, findings);
    else for (const intent of intents) if (intent.case.purchases!(mock, intent.id) > 1) findings.duplicates.push(`${intent.id} (${intent.case.label}): ${intent.case.purchases!(mock, intent.id)} simulator records`);
    report.duplicates = findings.duplicates.length;
    report.tokensFetched = mock.simulators.accountadmin.tokensIssued;
    report.clockReads = mock.simulators.safecreative.clockReads;
    report.dna429s = mock.simulators.softwaredna.rateLimited;
    checkTokens(report.tokensFetched, main.restarts, findings);
    checkUnhandled('main phase', main.unhandled, findings);
    if (report.quotaPhases) for (const [name, phase] of Object.entries(report.quotaPhases)) checkUnhandled(`quota phase (${name})`, phase.unhandled, findings);
    report.seconds = (performance.now() - started) / 1000;
    return report;
  } finally {
    await close();
    await mock.close();
  }
}
