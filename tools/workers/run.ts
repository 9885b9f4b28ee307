// `npm run test:workers [-- --store file|redis|both --seed N --intents N --workers N --quota-intents N --calibrate]`:
// 8 worker processes share one store and one set of simulators (faults on) and work through the same few hundred
// purchase intents across Fusebill, 2sms, FinerWorks and Safe Creative (software_DNA queried beside them), while
// the supervisor SIGKILLs random workers mid-purchase and restarts them; then one reconcile pass, and the
// checks (checks.ts), counted by the simulators. Once with fileStore (a temp dir), once with redisStore
// (CREDITKIT_TEST_REDIS_URL, or a redis-server of its own). `--calibrate` runs the workers with no shared store:
// the checks must find purchases applied twice.
// Exit codes: 0 pass, 1 a failed check, 2 usage, 3 calibration found its duplicates, 4 calibration missed them;
// anything else is a crash (70 for one caught here).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { total } from './checks.js';
import { startRedisServer } from '@creditkit/test-support/redis-server';
import { redisSpec } from './stores.js';
import { type RunReport, runStore } from './store-run.js';
import { formatRun } from './summary.js';

export const EXIT = { pass: 0, failed: 1, usage: 2, findings: 3, calibrationMissed: 4, crash: 70 } as const;

function usage(message: string): never {
  console.error(`test:workers: ${message}\nusage: npm run test:workers -- [--store file|redis|both] [--seed N] [--intents N] [--workers N] [--quota-intents N] [--calibrate]`);
  process.exit(EXIT.usage);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      store: { type: 'string', default: 'both' },
      seed: { type: 'string' },
      intents: { type: 'string' },
      workers: { type: 'string' },
      'quota-intents': { type: 'string' },
      calibrate: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}
const count = (name: string, fallback: number): number => {
  const raw = values[name] as string | undefined;
  const n = Number(raw ?? fallback);
  if (!Number.isSafeInteger(n) || n < 1) usage(`--${name} must be a positive integer (got '${raw}')`);
  return n;
};
const calibrate = values.calibrate === true;
const seed = count('seed', 20_261_130);
const workers = count('workers', 8);
const intents = count('intents', calibrate ? 48 : 200);
const quotaIntents = count('quota-intents', 48);
const kinds = values.store === 'both' ? ['file', 'redis'] : [values.store as string];
if (!kinds.every((k) => k === 'file' || k === 'redis')) usage(`--store must be file, redis or both (got '${values.store}')`);

process.on('unhandledRejection', (reason) => {
  console.error('test:workers crashed (unhandled rejection):', reason);
  process.exit(EXIT.crash);
});

async function withStore(kind: string, run: (spec: string, label: string) => Promise<RunReport>): Promise<RunReport> {
  if (kind === 'file') {
    const dir = await mkdtemp(join(tmpdir(), 'creditkit-workers-'));
    try {
      return await run(`file:${dir}`, `fileStore (${dir})`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const given = process.env.CREDITKIT_TEST_REDIS_URL;
  if (given) return run(redisSpec(given), `redisStore (${given}, CREDITKIT_TEST_REDIS_URL)`);
  const server = await startRedisServer();
  try {
    return await run(redisSpec(server.url), `redisStore (${server.url}, own redis-server)`);
  } finally {
    await server.stop();
  }
}

try {
  const started = performance.now();
  console.log(`creditkit workers soak: ${workers} worker processes, ${intents} intents, seed ${seed}${calibrate ? ', CALIBRATION (no shared store)' : ''}\n`);
  const reports: RunReport[] = [];
  if (calibrate) reports.push(await runStore({ store: 'none', label: 'none (each client its own memory)', seed, workers, intents, quotaIntents, mainOnly: true }));
  else for (const kind of kinds) reports.push(await withStore(kind, (store, label) => runStore({ store, label, seed, workers, intents, quotaIntents })));
  for (const r of reports) console.log(`${formatRun(r)}\n`);
  const failed = reports.reduce((n, r) => n + total(r.findings), 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (calibrate) {
    const caught = reports.every((r) => r.duplicates > 0);
    console.log(`calibration (no shared store): expected purchases applied twice; ${caught ? 'caught' : 'MISSED'} in ${seconds} s`);
    process.exit(caught ? EXIT.findings : EXIT.calibrationMissed);
  }
  console.log(`${failed === 0 ? 'PASS' : 'FAIL'} in ${seconds} s`);
  process.exit(failed === 0 ? EXIT.pass : EXIT.failed);
} catch (error) {
  console.error('test:workers crashed:', error);
  process.exit(EXIT.crash);
}
