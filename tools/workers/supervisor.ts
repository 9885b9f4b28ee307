// Runs one phase's worker processes: starts them, SIGKILLs a random one that has a purchase in flight every
// kill.minMs..kill.maxMs (seeded), restarts it where its predecessor left off, and waits until every worker has
// gone through its order. A worker that exits any other way than done or killed by us is a crash.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { mulberry32 } from '@creditkit/mock';
import type { WorkerConfig, WorkerMessage } from './worker.js';

const WORKER = join(import.meta.dirname, 'worker.ts');
const ROOT = join(import.meta.dirname, '..', '..');

export interface PhaseSetup {
  workers: number;
  config: Omit<WorkerConfig, 'index' | 'resumeAt' | 'workers'>;
  /** Kill schedule; none: no kills. */
  kill?: { minMs: number; maxMs: number };
  seed: number;
  /** A phase still running after this has hung. */
  limitMs: number;
}

export interface PhaseResult {
  kills: number;
  restarts: number;
  /** How the workers' calls ended, by error class (`ok` for a result), across all starts. */
  outcomes: Record<string, number>;
  /** Unhandled rejections the workers reported, by reason. */
  unhandled: Record<string, number>;
  ms: number;
}

interface Slot {
  index: number;
  child: ChildProcess;
  inFlight: number;
  resumeAt: number;
  killed: boolean;
  done: boolean;
}

export function runPhase(setup: PhaseSetup): Promise<PhaseResult> {
  const started = performance.now();
  const random = mulberry32(setup.seed);
  const outcomes: Record<string, number> = {};
  const unhandled: Record<string, number> = {};
  const slots: Slot[] = [];
  let kills = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;

  return new Promise<PhaseResult>((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      clearTimeout(limit);
      for (const s of slots) if (s.child.exitCode === null) s.child.kill('SIGKILL');
      reject(error);
    };
    const progress = () => slots.map((s) => `${s.index}:${s.done ? 'done' : `${s.resumeAt}`}`).join(' ');
    const limit = setTimeout(() => fail(new Error(`phase ${setup.config.phase} did not finish in ${setup.limitMs / 1000} s (kills ${kills}; worker:position ${progress()})`)), setup.limitMs);

    const start = (index: number, resumeAt: number) => {
      const config: WorkerConfig = { ...setup.config, index, resumeAt, workers: setup.workers };
      const child = fork(WORKER, [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.test.json', CREDITKIT_WORKER: JSON.stringify(config) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const slot: Slot = { index, child, inFlight: 0, resumeAt, killed: false, done: false };
      slots[index] = slot;
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'busy') Object.assign(slot, { inFlight: message.inFlight, resumeAt: message.resumeAt });
        else if (message.type === 'unhandled') unhandled[message.reason] = (unhandled[message.reason] ?? 0) + 1;
        else {
          slot.done = true;
          for (const [k, n] of Object.entries(message.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
        }
      });
      child.on('close', (code, signal) => {
        if (slot.killed) {
          restarts++;
          return start(index, slot.resumeAt);
        }
        if (code !== 0 || !slot.done) return fail(new Error(`worker ${index} exited with ${signal ?? code} before finishing`));
        if (slots.every((s) => s.done && s.child.exitCode !== null)) {
          clearTimeout(timer);
          clearTimeout(limit);
          resolve({ kills, restarts, outcomes, unhandled, ms: performance.now() - started });
        }
      });
    };

    const scheduleKill = (kill: { minMs: number; maxMs: number }) => {
      timer = setTimeout(() => {
        // Mid-purchase: only a worker that said it has one in flight, and only once it has not reported done.
        const candidates = slots.filter((s) => !s.done && !s.killed && s.inFlight > 0);
        const victim = candidates[Math.floor(random() * candidates.length)];
        if (victim) {
          victim.killed = true;
          victim.child.kill('SIGKILL');
          kills++;
        }
        scheduleKill(kill);
      }, kill.minMs + random() * (kill.maxMs - kill.minMs));
      timer.unref();
    };

    for (let i = 0; i < setup.workers; i++) start(i, 0);
    if (setup.kill) scheduleKill(setup.kill);
  });
}
