// `npm run test:soak [-- --rounds 20 --calls 240 --seed 7 --heap-bound-mib 8]` (or SOAK_ROUNDS, SOAK_CALLS,
// SOAK_SEED): rounds of a few hundred concurrent calls across all five providers against the simulators, under
// a seeded fault plan, with long-lived clients. Fails on an untyped failure, an unhandled rejection, a
// duplicate purchase, an outcome-unknown the plan cannot explain (or an unsafe purchase that hid one), a
// round that hangs, or a heap that keeps growing. Needs --expose-gc (the npm script passes it).
import { parseArgs } from 'node:util';
import type { LogLine } from '@creditkit/core';
import { mulberry32, startMockServer } from '@creditkit/mock';
import { CASES, clientFor, type Operation, type ProviderCase } from '../reliability/providers.js';
import { check, emptyFindings, total } from './checks.js';
import { ATTEMPT_TIMEOUT_MS } from './fault-plan.js';
import { runRound } from './round.js';
import { formatSummary, type RoundLine } from './summary.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string' }, calls: { type: 'string' }, seed: { type: 'string' }, 'heap-bound-mib': { type: 'string' } },
});
const rounds = Number(values.rounds ?? process.env.SOAK_ROUNDS ?? 5);
const calls = Number(values.calls ?? process.env.SOAK_CALLS ?? 240);
const seed = Number(values.seed ?? process.env.SOAK_SEED ?? 20_260_808);
const heapBoundMiB = Number(values['heap-bound-mib'] ?? 8);
/** A round of a few seconds that runs past this has hung. */
const ROUND_LIMIT_MS = 60_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('soak: run with node --expose-gc (npm run test:soak does)');
  process.exit(2);
}

let unhandled = 0;
process.on('unhandledRejection', (reason) => {
  unhandled++;
  console.error('unhandled rejection:', reason);
});
process.on('uncaughtException', (error) => {
  unhandled++;
  console.error('uncaught exception:', error);
});

const started = performance.now();
// Every third round the simulators' clock jumps 20 s, so that round opens with Safe Creative refusing every
// signed call (InvalidTime) and the concurrent calls re-reading its clock together, under the same faults.
const skewFor = (round: number) => [0, 20_000, -20_000][Math.floor(round / 3) % 3]!;
let skewMs = 0;
const mock = await startMockServer({ seed, now: () => Date.now() + skewMs });
let retries = 0;
const jitter = mulberry32(seed);
// One long-lived client per case, as an application keeps them: leaks across rounds would show in the heap.
const clients = new Map<ProviderCase, Operation>(
  CASES.map((c) => [
    c,
    clientFor(c, mock, {
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      maxRetries: 2,
      maxResponseBytes: 256 * 1024,
      retry: { baseDelayMs: 10, maxDelayMs: 100, random: jitter },
      logLevel: 'info',
      logger: (line: LogLine) => void (line.event === 'retry.scheduled' && retries++),
    }),
  ]),
);

const lines: RoundLine[] = [];
const outcomes: string[] = [];
const faultKinds: string[] = [];
const findings = emptyFindings();
try {
  for (let round = 1; round <= rounds; round++) {
    const before = retries;
    const clockMoved = skewFor(round) !== skewMs;
    skewMs = skewFor(round);
    const hang = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`round ${round} did not finish in ${ROUND_LIMIT_MS / 1000} s: a call hangs`)), ROUND_LIMIT_MS).unref());
    const result = await Promise.race([runRound(mock, clients, seed, round, calls), hang]);
    check(result.calls, findings, { clockMoved });
    for (const call of result.calls) outcomes.push(call.error === undefined ? 'ok' : (call.error as Error).name ?? typeof call.error);
    faultKinds.push(...result.injected.map((f) => f.kind));
    gc();
    gc();
    lines.push({
      round,
      calls: result.calls.length,
      ok: result.calls.filter((c) => c.error === undefined).length,
      retries: retries - before,
      faults: result.injected.length,
      heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
      ms: result.ms,
      slowestCleanMs: Math.max(0, ...result.calls.filter((c) => c.faults.length === 0).map((c) => c.ms)),
    });
  }
} catch (error) {
  findings.untyped.push(String(error));
} finally {
  await mock.close();
}

const heapGrowthMiB = lines.length > 1 ? lines.at(-1)!.heapMiB - lines[0]!.heapMiB : 0;
const passed = total(findings) === 0 && unhandled === 0 && heapGrowthMiB < heapBoundMiB && lines.length === rounds;
console.log(formatSummary({ seed, cases: CASES.length, rounds: lines, outcomes, faultKinds, findings, unhandled, heapGrowthMiB, heapBoundMiB, seconds: (performance.now() - started) / 1000, passed }));
process.exit(passed ? 0 : 1);
