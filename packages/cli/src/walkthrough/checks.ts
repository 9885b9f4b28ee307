// What makes a walkthrough step's ✓ mean something beyond "no exception": the error's code (not only its class)
// and the simulator's own record of the step: how many times the operation reached it, and what it bought.
import { AlreadyAppliedError, ApiError, ConnectionError, OutcomeUnknownError, ProviderError, ValidationError } from '@creditkit/core';
import type { MockServer } from '@creditkit/mock';

/** One short code per error: the status of an HTTP error, the provider's code, the fields a validation refused. */
export function errorCode(error: unknown): string {
  if (error instanceof ValidationError) return error.issues.map((i) => `${i.path} ${i.rule}`).sort().join(', ');
  if (error instanceof ProviderError) return error.refused ? `${error.code} (refused: ${error.refused})` : error.code;
  if (error instanceof ApiError) return String(error.status);
  if (error instanceof ConnectionError) return error.code ?? 'connection';
  if (error instanceof OutcomeUnknownError || error instanceof AlreadyAppliedError) {
    const cause = error.cause;
    if (!(cause instanceof Error)) return 'after an unknown failure';
    const inner = errorCode(cause);
    return `after ${cause.name}${inner === cause.name ? '' : ` ${inner}`}`;
  }
  return error instanceof Error ? error.name : String(error);
}

/** Requests of a provider's operations: its side requests (an OAuth2 token, Safe Creative's clock read) left out. */
export function operationRequests(mock: MockServer, provider: string): number {
  return mock.requests.filter((r) => r.provider === provider && !/\/token$/i.test(r.path) && r.query.component !== 'ztime').length;
}

export interface Seen {
  sends: number;
  buys: number;
}

/** The simulator's record of one step, compared with the step's claim; a line per difference. */
export function stateProblems(want: Seen, got: Seen): string[] {
  const problems: string[] = [];
  if (got.sends !== want.sends) problems.push(`the simulator saw ${got.sends} request(s), expected ${want.sends}`);
  if (got.buys !== want.buys) problems.push(`the simulator recorded ${got.buys} purchase(s), expected ${want.buys}`);
  return problems;
}
