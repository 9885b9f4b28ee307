// The pass after the workers: every intent called once more with its intent id, faults off, by a client on the
// same store, as an operator's reconciliation job would. A leftover (claimed or sent by a killed worker) ends
// applied, failed or in doubt; an intent that had ended returns its stored outcome with nothing sent.
import type { CallOptions, StateStore } from '@creditkit/core';
import type { Operation, ProviderCase } from '../reliability/providers.js';
import { ATTEMPT_TIMEOUT_MS } from './fault-plan.js';
import { type Intent, operationAt } from './intents.js';

export interface ReconcileSetup {
  origin: string;
  store: StateStore | undefined;
  /** Longer than the workers' lease, so that a dead worker's claim runs out while this call waits on it. */
  intentWaitMs: number;
  intentLeaseMs: number;
  concurrency: number;
}

export async function reconcile(intents: readonly Intent[], setup: ReconcileSetup): Promise<Record<string, number>> {
  const options = { ...(setup.store ? { store: setup.store } : {}), intentWaitMs: setup.intentWaitMs, intentLeaseMs: setup.intentLeaseMs, timeoutMs: ATTEMPT_TIMEOUT_MS, maxRetries: 2 };
  const operations = new Map<ProviderCase, Operation>();
  const operation = (c: ProviderCase) => operations.get(c) ?? operations.set(c, operationAt(c, setup.origin, options)).get(c)!;
  const outcomes: Record<string, number> = {};
  let next = 0;
  const lane = async () => {
    while (next < intents.length) {
      const intent = intents[next++]!;
      const callOptions: CallOptions = { intentId: intent.id };
      const outcome = await operation(intent.case)(intent.case.input(intent.id), callOptions).then(
        () => 'ok',
        (error: unknown) => (error instanceof Error ? error.name : String(error)),
      );
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: setup.concurrency }, lane));
  return outcomes;
}
