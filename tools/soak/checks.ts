// What a soak round must show: every call ended as a result or a CreditkitError; an error only on a call that
// met a fault (the one excuse: Safe Creative's InvalidTime in a round whose clock moved); at most one purchase
// per logical call (exactly one for a success); every "outcome unknown" or "already applied" traced to a real
// ambiguity the plan injected into that call; no unsafe purchase that met one passed as a success; and, per
// provider case, at least MIN_SUCCESS_RATE of the round's calls succeeded.
import {
  AlreadyAppliedError, AuthenticationError, ConfigurationError, CreditkitError, NotFoundError, OutcomeUnknownError,
  PermissionDeniedError, ProviderError, ValidationError,
} from '@creditkit/core';
import { AMBIGUOUS } from './fault-plan.js';
import type { CallRecord } from './round.js';

export interface Findings {
  untyped: string[];
  /** Errors no fault explains: on a call that met none, or of a kind no transient fault causes. */
  unexplained: string[];
  duplicates: string[];
  lostSuccesses: string[];
  unmatchedAmbiguity: string[];
  missedAmbiguity: string[];
  /** A provider case whose calls succeeded less often than MIN_SUCCESS_RATE in a round. */
  lowSuccess: string[];
}

/**
 * Chosen from measurements (seeds 1-5 and the default, 6 rounds of 280 calls, ~40 per case and round): the typical
 * case-round succeeds 70-98%; the lowest seen was 54%, Safe Creative in a round whose clock moved (each call is
 * sent twice, refused then re-signed, so it meets faults twice; one in five of an unsafe purchase's requests
 * meets a fault it may not retry). At that rate a 46-call round has a standard deviation of ~7 points: 40% is
 * ~3 deviations below the worst measured mean, while a broken client scores 0% (every software_DNA call timing
 * out; Safe Creative without its clock resync, in a round whose clock moved).
 */
export const MIN_SUCCESS_RATE = 0.4;

/** Classes the plan cannot cause: transient faults never make valid credentials or inputs wrong. */
const UNEXPLAINED = [AuthenticationError, PermissionDeniedError, NotFoundError, ValidationError, ConfigurationError, ProviderError];

export const emptyFindings = (): Findings => ({ untyped: [], unexplained: [], duplicates: [], lostSuccesses: [], unmatchedAmbiguity: [], missedAmbiguity: [], lowSuccess: [] });

export interface RoundConditions {
  round: number;
  /** The simulators' clock jumped this round: Safe Creative's first answers are InvalidTime refusals. */
  clockMoved: boolean;
}

export function check(calls: readonly CallRecord[], into: Findings, round: RoundConditions): Findings {
  for (const call of calls) {
    const where = `round ${round.round} ${call.id} (${call.case.label}; faults: ${call.faults.join(', ') || 'none'})`;
    const ambiguousFault = call.faults.some((k) => AMBIGUOUS.has(k));
    // A 5xx answered after the work (`status-after`: 500, 502, 504) is not ambiguous to the retry rules (an unsafe
    // purchase ends ServerError), yet it may have been applied: a keyed retry's 409 then rightly says so.
    const mayHaveApplied = ambiguousFault || call.faults.includes('status-after');
    if (call.error !== undefined && !(call.error instanceof CreditkitError)) into.untyped.push(`${where}: ${String(call.error)}`);
    // InvalidTime is explained only where the clock jumped: the calls then in flight were signed by the old clock.
    // Anywhere else it means the client did not resync (or signed with a stale offset).
    const clockRefusal = call.error instanceof ProviderError && call.error.code === 'InvalidTime';
    const excused = clockRefusal && round.clockMoved;
    if (call.error !== undefined && !excused && (call.faults.length === 0 || UNEXPLAINED.some((type) => call.error instanceof type))) {
      into.unexplained.push(`${where}: ${String(call.error)}`);
    }
    if (call.purchases !== undefined && call.purchases > 1) into.duplicates.push(`${where}: ${call.purchases} purchases`);
    if (call.purchases !== undefined && call.error === undefined && call.purchases !== 1) into.lostSuccesses.push(`${where}: succeeded with ${call.purchases} purchases`);
    if ((call.error instanceof OutcomeUnknownError && !ambiguousFault) || (call.error instanceof AlreadyAppliedError && !mayHaveApplied)) {
      const cause = (call.error as Error).cause as Error | undefined;
      into.unmatchedAmbiguity.push(`${where}: ${(call.error as Error).name} (${cause?.name}: ${cause?.message}) with no ambiguous fault in the plan's log`);
    }
    // Except after a clock jump: there a fault may garble Safe Creative's InvalidTime refusal, which the client
    // still reads and answers by signing anew (a success must then show exactly one sale, checked above).
    const refusalRead = round.clockMoved && call.case.id === 'safecreative' && (call.error === undefined || clockRefusal);
    if (call.case.spec.idempotency.kind === 'unsafe' && ambiguousFault && !(call.error instanceof OutcomeUnknownError) && !refusalRead) {
      into.missedAmbiguity.push(`${where}: ended as ${call.error === undefined ? 'a success' : (call.error as Error).name}`);
    }
  }
  checkSuccessRates(calls, into, round);
  return into;
}

/** Per provider case: a client that fails most calls can explain each one and still be broken. */
function checkSuccessRates(calls: readonly CallRecord[], into: Findings, round: RoundConditions): void {
  for (const [label, group] of byCase(calls)) {
    const rate = group.filter((c) => c.error === undefined).length / group.length;
    if (rate < MIN_SUCCESS_RATE) into.lowSuccess.push(`round ${round.round} ${label}: ${(rate * 100).toFixed(0)}% of ${group.length} calls succeeded (minimum ${Math.round(MIN_SUCCESS_RATE * 100)}%)`);
  }
}

/** Success rate per case label over `calls`, for the report. */
export function successRates(calls: readonly CallRecord[]): Map<string, number> {
  return new Map([...byCase(calls)].map(([label, group]) => [label, group.filter((c) => c.error === undefined).length / group.length]));
}

/** Calls grouped by case label (Map.groupBy needs Node 21). */
function byCase(calls: readonly CallRecord[]): Map<string, CallRecord[]> {
  const out = new Map<string, CallRecord[]>();
  for (const call of calls) out.set(call.case.label, [...(out.get(call.case.label) ?? []), call]);
  return out;
}

export const total = (f: Findings) => Object.values(f).reduce((n, list) => n + list.length, 0);
