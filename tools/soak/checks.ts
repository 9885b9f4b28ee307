// What a soak round must show: every call ended as a result or a CreditkitError that a fault can explain; at
// most one purchase per logical call (exactly one for a success); every "outcome unknown" or "already applied"
// traced to a real ambiguity the plan injected into that call; and no unsafe purchase that met one passed as a
// success.
import {
  AlreadyAppliedError, AuthenticationError, ConfigurationError, CreditkitError, NotFoundError, OutcomeUnknownError,
  PermissionDeniedError, ProviderError, ValidationError,
} from '@creditkit/core';
import { AMBIGUOUS } from './fault-plan.js';
import type { CallRecord } from './round.js';

export interface Findings {
  untyped: string[];
  /** Errors no fault explains: the inputs and credentials are valid, so these are the client's own doing. */
  unexplained: string[];
  duplicates: string[];
  lostSuccesses: string[];
  unmatchedAmbiguity: string[];
  missedAmbiguity: string[];
}

/** Classes the plan cannot cause: transient faults never make valid credentials or inputs wrong. */
const UNEXPLAINED = [AuthenticationError, PermissionDeniedError, NotFoundError, ValidationError, ConfigurationError, ProviderError];

export const emptyFindings = (): Findings => ({ untyped: [], unexplained: [], duplicates: [], lostSuccesses: [], unmatchedAmbiguity: [], missedAmbiguity: [] });

export interface RoundConditions {
  /** The simulators' clock jumped this round: Safe Creative's first answers are InvalidTime refusals. */
  clockMoved: boolean;
}

export function check(calls: readonly CallRecord[], into: Findings, round: RoundConditions): Findings {
  for (const call of calls) {
    const where = `${call.id} (${call.case.label}; faults: ${call.faults.join(', ') || 'none'})`;
    const ambiguousFault = call.faults.some((k) => AMBIGUOUS.has(k));
    if (call.error !== undefined && !(call.error instanceof CreditkitError)) into.untyped.push(`${where}: ${String(call.error)}`);
    // InvalidTime is the one refusal the soak explains: the clock jumps every third round (and a loaded machine
    // can hold a signed request past Safe Creative's 5 s window), and a fault may meet the clock read that
    // follows (an untagged request). It is a refusal: the purchase checks still apply.
    const clockRefusal = call.error instanceof ProviderError && call.error.code === 'InvalidTime';
    if (UNEXPLAINED.some((type) => call.error instanceof type) && !clockRefusal) into.unexplained.push(`${where}: ${String(call.error)}`);
    if (call.purchases !== undefined && call.purchases > 1) into.duplicates.push(`${where}: ${call.purchases} purchases`);
    if (call.purchases !== undefined && call.error === undefined && call.purchases !== 1) into.lostSuccesses.push(`${where}: succeeded with ${call.purchases} purchases`);
    if ((call.error instanceof OutcomeUnknownError || call.error instanceof AlreadyAppliedError) && !ambiguousFault) {
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
  return into;
}

export const total = (f: Findings) => Object.values(f).reduce((n, list) => n + list.length, 0);
