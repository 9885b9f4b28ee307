// One worker process: goes through every intent of its phase in its own seeded order, a few at a time, buying
// each with the caller's intent id through clients that share the store; on the side it queries software_DNA,
// whose 429 + X-RateLimit-Reset every worker should honour. It tells the supervisor how many purchases it has
// in flight (so kills land mid-purchase) and, at the end, how its calls ended. Started by supervisor.ts only.
import type { CallOptions, QuotaOptions } from '@creditkit/core';
import { mulberry32 } from '@creditkit/mock';
import type { Operation, ProviderCase } from '../reliability/providers.js';
import { ATTEMPT_TIMEOUT_MS } from './fault-plan.js';
import { intentsOf, operationAt, type Phase, QUERY_CASE, shuffled, sliceFor } from './intents.js';
import { openStore } from './stores.js';

export interface WorkerConfig {
  index: number;
  /** Where in its order to start: a restarted worker picks up at the first intent its predecessor had not finished (a queue redelivering unacknowledged messages). */
  resumeAt: number;
  origin: string;
  store: string;
  seed: number;
  phase: Phase;
  intents: number;
  /** Purchases in flight at once. */
  lanes: number;
  workers: number;
  /** How many workers get each intent. */
  overlap: number;
  /** software_DNA queries on the side. */
  queries: number;
  quotas: boolean | QuotaOptions;
  intentLeaseMs: number;
  intentWaitMs: number;
}

/** `busy`: purchases in flight, and the first position in the order not finished yet. */
export type WorkerMessage =
  | { type: 'busy'; inFlight: number; resumeAt: number }
  | { type: 'done'; outcomes: Record<string, number> }
  /** A promise rejected with no one to handle it (a client bug): told at once, since a kill may follow. */
  | { type: 'unhandled'; reason: string };

const config = JSON.parse(process.env.CREDITKIT_WORKER ?? 'null') as WorkerConfig | null;
if (!config || !process.send) throw new Error('worker.ts runs under the supervisor (CREDITKIT_WORKER and an IPC channel)');
const send = (message: WorkerMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
// Counted as a finding by the supervisor instead of ending the worker (Node's default), so the run goes on.
process.on('unhandledRejection', (reason) => void send({ type: 'unhandled', reason: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason) }));

const { store, close } = await openStore(config.store);
// Per worker, not per start: a restarted worker keeps its predecessor's order.
const random = mulberry32(config.seed * 31 + config.index * 1009);
const options = {
  ...(store ? { store } : {}),
  quotas: config.quotas,
  intentLeaseMs: config.intentLeaseMs,
  intentWaitMs: config.intentWaitMs,
  timeoutMs: ATTEMPT_TIMEOUT_MS,
  maxRetries: 2,
  retry: { baseDelayMs: 10, maxDelayMs: 200, random },
};
const operations = new Map<ProviderCase, Operation>();
const operation = (c: ProviderCase) => operations.get(c) ?? operations.set(c, operationAt(c, config.origin, options)).get(c)!;

const outcomes: Record<string, number> = {};
const tally = (outcome: string) => void (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
const ended = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof Error ? error.name : String(error)));

const order = shuffled(sliceFor(intentsOf(config.phase, config.intents), config.index, config.workers, config.overlap), random);
let next = config.resumeAt;
const pending = new Set<number>();
const report = () => void send({ type: 'busy', inFlight: pending.size, resumeAt: pending.size ? Math.min(...pending) : next });
async function lane(): Promise<void> {
  while (next < order.length) {
    const position = next++;
    const intent = order[position]!;
    pending.add(position);
    report();
    // The intent id tags the request too, so that the fault plan (tagged rules only) hits purchases, not side requests.
    const callOptions: CallOptions = { intentId: intent.id, headers: { 'x-request-id': intent.id } };
    tally(await ended(operation(intent.case)(intent.case.input(intent.id), callOptions)));
    pending.delete(position);
    report();
  }
}
let purchasing = true;
/** Beside the purchases, never past them: a restarted worker starts its queries again, but not the phase's length. */
async function queries(): Promise<void> {
  for (let i = 0; i < config!.queries && purchasing; i++) {
    tally(`query ${await ended(operation(QUERY_CASE)(QUERY_CASE.input(''), { headers: { 'x-request-id': `q-${config!.index}-${i}` } }))}`);
    await new Promise((r) => setTimeout(r, 50 + random() * 100));
  }
}

await Promise.all([
  Promise.all(Array.from({ length: config.lanes }, lane)).then(() => {
    purchasing = false;
  }),
  queries(),
]);
await send({ type: 'done', outcomes });
await close();
// Keep-alive sockets would hold the process open.
process.exit(0);
