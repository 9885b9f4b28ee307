// `npm run test:soak [-- --rounds 6 --calls 280 --seed 7 --heap-bound-mib 8 --calibrate[=<defect>]]` (or SOAK_ROUNDS,
// SOAK_CALLS, SOAK_SEED): rounds of a few hundred concurrent calls across all five providers against the
// simulators, under a seeded fault plan, with long-lived clients; the 2sms simulator deduplicates a repeated
// PurchaseID in odd rounds and buys again in even ones. Fails on an untyped failure, an unhandled rejection, an
// error on a call that met no fault, a duplicate purchase, an outcome-unknown the plan cannot explain (or an unsafe
// purchase that hid one), a provider below the minimum success rate, a round that hangs, or a heap that keeps
// growing. `--calibrate` runs against a client broken on purpose and must fail (see calibration.ts).
// Exit codes: 0 pass, 2 usage, 3 findings, 4 a calibration the soak did not catch. Needs --expose-gc.
import { parseArgs } from 'node:util';
import type { LogLine } from '@creditkit/core';
import { mulberry32, startMockServer } from '@creditkit/mock';
import { clientFor, type Operation, type ProviderCase } from '../reliability/providers.js';
import { DEFECTS, type Defect, defectNamed } from './calibration.js';
import { casesIn, repeatedPurchaseIdIn, SOAK_CASES } from './cases.js';
import { check, emptyFindings, successRates, total } from './checks.js';
import { ATTEMPT_TIMEOUT_MS } from './fault-plan.js';
import { runRound } from './round.js';
import { formatSummary, type RoundLine } from './summary.js';

export const EXIT = { pass: 0, usage: 2, findings: 3, calibrationMissed: 4 } as const;

function usage(message: string): never {
  console.error(`soak: ${message}\nusage: npm run test:soak -- [--rounds N] [--calls N] [--seed N] [--heap-bound-mib N] [--calibrate[=${DEFECTS.map((d) => d.name).join('|')}]]`);
  process.exit(EXIT.usage);
}

// A bare `--calibrate` means the first defect (an unsafe purchase re-sent after an ambiguous failure).
const argv = process.argv.slice(2).map((a) => (a === '--calibrate' ? `--calibrate=${DEFECTS[0]!.name}` : a));
let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    args: argv,
    options: { rounds: { type: 'string' }, calls: { type: 'string' }, seed: { type: 'string' }, 'heap-bound-mib': { type: 'string' }, calibrate: { type: 'string' } },
  }));
} catch (error) {
  usage((error as Error).message);
}
const count = (name: string, raw: string | undefined, fallback: number): number => {
  const n = Number(raw ?? fallback);
  if (!Number.isSafeInteger(n) || n < 1) usage(`--${name} must be a positive integer (got '${raw}')`);
  return n;
};
const rounds = count('rounds', values.rounds ?? process.env.SOAK_ROUNDS, 6);
const calls = count('calls', values.calls ?? process.env.SOAK_CALLS, 280);
const seed = count('seed', values.seed ?? process.env.SOAK_SEED, 20_260_808);
const heapBoundMiB = count('heap-bound-mib', values['heap-bound-mib'], 8);
let defect: Defect | undefined;
if (values.calibrate !== undefined) {
  defect = defectNamed(values.calibrate);
  if (!defect) usage(`unknown defect '${values.calibrate}'`);
}
/** A round of a few seconds that runs past this has hung. */
const ROUND_LIMIT_MS = 60_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) usage('run with node --expose-gc (npm run test:soak does)');

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
  SOAK_CASES.map((c) => {
    const options = {
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      maxRetries: 2,
      maxResponseBytes: 256 * 1024,
      retry: { baseDelayMs: 10, maxDelayMs: 100, random: jitter },
      logLevel: 'info' as const,
      logger: (line: LogLine) => void (line.event === 'retry.scheduled' && retries++),
      ...defect?.options?.(c, mock),
    };
    const call = defect?.client?.(c, mock, options) ?? clientFor(c, mock, options);
    return [c, defect?.wrap ? defect.wrap(call) : call];
  }),
);

const lines: RoundLine[] = [];
const outcomes: string[] = [];
const faultKinds: string[] = [];
const rates = new Map<string, number[]>();
const findings = emptyFindings();
try {
  for (let round = 1; round <= rounds; round++) {
    const before = retries;
    const clockMoved = skewFor(round) !== skewMs;
    skewMs = skewFor(round);
    const repeatedPurchaseId = repeatedPurchaseIdIn(round);
    const cases = casesIn(repeatedPurchaseId, defect?.assertEverywhere);
    const hang = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`round ${round} did not finish in ${ROUND_LIMIT_MS / 1000} s: a call hangs`)), ROUND_LIMIT_MS).unref());
    const result = await Promise.race([runRound(mock, clients, { seed, round, calls, cases, repeatedPurchaseId }), hang]);
    check(result.calls, findings, { round, clockMoved });
    for (const [label, rate] of successRates(result.calls)) rates.set(label, [...(rates.get(label) ?? []), rate]);
    for (const call of result.calls) outcomes.push(call.error === undefined ? 'ok' : (call.error as Error).name ?? typeof call.error);
    faultKinds.push(...result.injected.map((f) => f.kind));
    gc!();
    gc!();
    lines.push({
      round,
      twoSms: repeatedPurchaseId,
      clockMoved,
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
console.log(formatSummary({ seed, cases: SOAK_CASES.length, rounds: lines, outcomes, faultKinds, findings, rates, unhandled, heapGrowthMiB, heapBoundMiB, seconds: (performance.now() - started) / 1000, passed }));

if (defect) {
  const caught = defect.expects.filter((kind) => findings[kind].length > 0);
  const all = caught.length === defect.expects.length;
  console.log(`\ncalibration '${defect.name}' (${defect.summary}): expected ${defect.expects.join(' + ')} findings; ${all ? 'caught' : `MISSED (found only: ${caught.join(', ') || 'none'})`}`);
  process.exit(all ? EXIT.findings : EXIT.calibrationMissed);
}
process.exit(passed ? EXIT.pass : EXIT.findings);
