// A provider's walkthrough: for each of its operations, one call that succeeds, then the failure modes worth
// seeing, each with the typed error it must end in. Inputs of the success call are typed by the generated client; failure inputs
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

export type FailureMode = 'validation' | 'auth' | 'rate limit' | 'provider error' | 'insufficient credits' | 'conflict' | 'not found' | 'already applied' | 'outcome unknown';

export interface FailureStep<C> {
  mode: FailureMode;
  operation: OperationName<C>;
  input: Record<string, unknown>;
  /** Client options for this step only (a wrong key…), over the simulators' credentials. */
  client?: Record<string, unknown>;
  /** Prepares the simulators (a fault from the fault plan…); faults are cleared after the step, and a function it returns is called then (to undo the rest). */
  arrange?: (mock: MockServer) => unknown;
  /** The typed error the call must end in, or `recovers`: the client must retry and succeed on its own. */
  expect: (abstract new (...args: any[]) => CreditkitError) | 'recovers';
  /** The error's code as `errorCode` reads it (the status, the provider's code, the fields refused…). */
  code?: string;
  /** What the simulator must have seen: requests of the operation (side requests not counted), purchases added. */
  sends: number;
  buys: number;
}

/** A success call sends once and buys once (`buys: 0` for a query). */
export type SuccessStep<C> = SuccessCall<C> & { buys: 0 | 1 };

export interface Scenario<C> {
  provider: ProviderPlugin<C, any>;
  /** One success call per operation (a provider with one operation may give it alone); each is followed by the failures of its operation. */
  success: SuccessStep<C> | readonly SuccessStep<C>[];
  failures: readonly FailureStep<C>[];
  /** Changes in the simulator's own state (cart lines, tracked items, purchases, sales, ledger entries, consumptions): each step's are counted. */
  purchases: (mock: MockServer) => number;
}

/** The scenario's success calls, in order. */
export const successCalls = <C>(scenario: Scenario<C>): readonly SuccessStep<C>[] =>
  Array.isArray(scenario.success) ? (scenario.success as readonly SuccessStep<C>[]) : [scenario.success as SuccessStep<C>];

/** Infers the client type from the provider, so the success call is checked against the generated types. */
export const defineScenario = <C>(scenario: Scenario<C>): Scenario<C> => scenario;

/** Arranges one 429 (`Retry-After: 0`) on the provider's next request, or its next one whose path holds `path`. */
export const one429 =
  (provider: SimulatorId, path?: string) =>
  (mock: MockServer): void =>
    void mock.faults.add({ provider, ...(path ? { path } : {}), fault: { kind: 'status', status: 429, headers: { 'retry-after': '0' } } });
