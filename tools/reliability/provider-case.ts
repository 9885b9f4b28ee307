// One provider's cases for the reliability tests and the soak: one valid call each (tagged, so the simulator's
// state can be searched for what one logical call bought), and how to count those purchases.
import type { OperationSpec } from '@creditkit/core';
import type { MockServer, SimulatorId } from '@creditkit/mock';

export type Operation = (input: unknown, options?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<unknown>;

export interface ProviderCase {
  /** Unique per case (2sms runs twice: JSON and XML). */
  label: string;
  id: SimulatorId;
  operation: string;
  spec: OperationSpec;
  /** Client options of the case's own (the wire format). */
  options: Record<string, unknown>;
  createClient(options: Record<string, unknown>): Record<string, Operation>;
  /** A valid input; `tag` (unique per logical call) ends up in the simulator's record of the purchase. */
  input(tag: string): Record<string, unknown>;
  /** What the simulator recorded for `tag`: purchases, items, sales. Undefined for a read-only query. */
  purchases?(mock: MockServer, tag: string): number;
}

/** The case's client factory, from the provider package's own `createClient`. */
export const make = (p: { createClient(options?: never): unknown }) => (options: Record<string, unknown>) => p.createClient(options as never) as Record<string, Operation>;

/** What a file under cases/ exports, named after the provider id. */
export interface ProviderCases {
  cases: readonly ProviderCase[];
  /** Lifts the simulator's rate budgets (reset() restores them), so a burst of calls waits on faults only. */
  liftRateLimits?(mock: MockServer): void;
}
