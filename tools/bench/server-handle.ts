// Starts bench-server.ts in its own Node process and hands back its URL; stop() ends that process by its
// handle (and therefore its PID), also when the bench itself is interrupted.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

export interface BenchServer {
  baseUrl: string;
  pid: number;
  /** Requests answered so far, by `METHOD /path`. */
  counts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const child = fork(join(import.meta.dirname, 'bench-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stopOnExit = () => child.kill();
  process.once('exit', stopOnExit);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start within 15 s')), 15_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve((m as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    counts: () => askCounts(child),
    async stop() {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill();
      await exited;
    },
  };
}

function askCounts(child: ChildProcess): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as { counts: Record<string, number> }).counts));
    child.send('counts');
  });
}
