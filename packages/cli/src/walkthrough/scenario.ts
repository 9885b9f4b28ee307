// A provider's walkthrough: one call that succeeds, then the failure modes worth seeing, each with the
// typed error it must end in. Inputs of the success call are typed by the generated client; failure inputs
// are loose on purpose (they break the spec).
import type { CreditkitError, ProviderPlugin } from '@creditkit/core';
import type { MockServer, SimulatorId } from '@creditkit/mock';

type AnyMethod = (input: any, options?: any) => Promise<unknown>;

/** The client's operation methods (not `describe`, not `baseUrl`). */
export type OperationName<C> = { [K in keyof C & string]: C[K] extends AnyMethod ? K : never }[keyof C & string];

/** One typed call: an operation of the client, an input of its type, and a short line about its result. */
export type SuccessCall<C> = {
  [K in OperationName<C>]: C[K] extends (input: infer I, options?: any) => Promise<infer R>
    ? { operation: K; input: I; show: (result: R) => string }
    : never;
}[OperationName<C>];

export type FailureMode = 'validation' | 'auth' | 'rate limit' | 'provider error' | 'conflict' | 'not found' | 'already applied' | 'outcome unknown';

export interface FailureStep<C> {
  mode: FailureMode;
  operation: OperationName<C>;
  input: Record<string, unknown>;
  /** Client options for this step only (a wrong key…), over the simulators' credentials. */
  client?: Record<string, unknown>;
  /** Prepares the simulators (a fault from the fault plan…); faults are cleared after the step. */
  arrange?: (mock: MockServer) => void;
  /** The typed error the call must end in, or `recovers`: the client must retry and succeed on its own. */
  expect: (abstract new (...args: any[]) => CreditkitError) | 'recovers';
  /** The error's code as `errorCode` reads it (the status, the provider's code, the fields refused…). */
  code?: string;
  /** What the simulator must have seen: requests of the operation (side requests not counted), purchases added. */
  sends: number;
  buys: number;
}

export interface Scenario<C> {
  provider: ProviderPlugin<C, any>;
  /** The success call sends once and buys once (`buys: 0` for a query). */
  success: SuccessCall<C> & { buys: 0 | 1 };
  failures: readonly FailureStep<C>[];
  /** Purchases in the simulator's own state (cart lines, tracked items, purchases, sales): each step's are counted. */
  purchases: (mock: MockServer) => number;
}

/** Infers the client type from the provider, so the success call is checked against the generated types. */
export const defineScenario = <C>(scenario: Scenario<C>): Scenario<C> => scenario;

/** Arranges one 429 (`Retry-After: 0`) on the provider's next request, or its next one whose path holds `path`. */
export const one429 =
  (provider: SimulatorId, path?: string) =>
  (mock: MockServer): void =>
    void mock.faults.add({ provider, ...(path ? { path } : {}), fault: { kind: 'status', status: 429, headers: { 'retry-after': '0' } } });
