// One soak round: a fresh seeded fault plan, a few hundred logical calls in flight at once across every
// provider (each tagged with `x-request-id`, so the plan's log says which faults met which call), then what
// each call ended as and what the simulators recorded for it.
import type { Fault, MockServer, RepeatedPurchaseId } from '@creditkit/mock';
import { liftRateLimits, type Operation, type ProviderCase } from '../reliability/providers.js';
import { ATTEMPT_TIMEOUT_MS, faultPlan, SPIKE_MS } from './fault-plan.js';

export interface CallRecord {
  id: string;
  case: ProviderCase;
  /** undefined: the call returned a result. */
  error?: unknown;
  ms: number;
  /** What the simulator recorded for this call (purchases, items, sales); undefined for a query. */
  purchases?: number;
  /** The faults the plan injected into this call's requests, in order. */
  faults: Fault['kind'][];
}

export interface RoundResult {
  calls: CallRecord[];
  injected: MockServer['faults']['injected'];
  ms: number;
}

export interface RoundSetup {
  seed: number;
  round: number;
  calls: number;
  cases: readonly ProviderCase[];
  /** What the 2sms simulator does with a repeated PurchaseID this round. */
  repeatedPurchaseId: RepeatedPurchaseId;
}

export async function runRound(mock: MockServer, clients: ReadonlyMap<ProviderCase, Operation>, setup: RoundSetup): Promise<RoundResult> {
  const { seed, round, calls, cases } = setup;
  mock.reset();
  liftRateLimits(mock);
  mock.simulators.accountadmin.repeatedPurchaseId = setup.repeatedPurchaseId;
  mock.faults.clear(seed + round);
  mock.faults.add(...faultPlan(seed, round, [...new Set(cases.map((c) => c.id))]));
  // reset() revoked every 2sms token: one untagged purchase per 2sms client fetches a new one, so that the round's
  // calls do not each meet a 401 and a resend (twice the faults; the refresh is tested in oauth2.test.ts).
  await Promise.all(cases.filter((c) => c.id === 'accountadmin').map((c) => clients.get(c)!(c.input(`warm-up-r${round}`))));
  const started = performance.now();
  const pending = Array.from({ length: calls }, async (_, i): Promise<CallRecord> => {
    const c = cases[i % cases.length]!;
    const id = `s${seed}-r${round}-c${i}`;
    // Starts spread over ~250 ms: hundreds in flight together, without one synchronous burst of sockets.
    await new Promise((r) => setTimeout(r, i % 250));
    const t0 = performance.now();
    const error = await clients.get(c)!(c.input(id), { headers: { 'x-request-id': id } }).then(
      () => undefined,
      (e: unknown) => e ?? new Error('rejected with nothing'),
    );
    return { id, case: c, ms: performance.now() - t0, faults: [], ...(error === undefined ? {} : { error }) };
  });
  const records = await Promise.all(pending);
  const ms = performance.now() - started;
  // A delayed request is processed SPIKE_MS after it arrived, and its call gave up ATTEMPT_TIMEOUT_MS after
  // sending it: let the last ones land before counting purchases.
  await new Promise((r) => setTimeout(r, SPIKE_MS - ATTEMPT_TIMEOUT_MS + 500));
  const injected = [...mock.faults.injected];
  for (const record of records) {
    record.faults = injected.filter((f) => f.requestId === record.id).map((f) => f.kind);
    const purchases = record.case.purchases?.(mock, record.id);
    if (purchases !== undefined) record.purchases = purchases;
  }
  return { calls: records, injected, ms };
}
