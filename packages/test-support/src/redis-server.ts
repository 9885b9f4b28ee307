// A real redis-server (Debian's /usr/bin/redis-server) for tests and benchmarks: 127.0.0.1, a free port, no
// persistence, its own temporary --dir, stopped by its PID. No vitest here (the benchmark imports it through
// `@creditkit/test-support/redis-server`); the per-test-file hook is use-redis-server.ts.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly pid?: number;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** One PING over a raw socket (no client library needed): true on `+PONG`. */
export function pingRedis(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Starts redis-server on a free port and waits for PONG (up to 10 s). */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'creditkit-redis-'));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    child.once('error', () => (exited = true));
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline && !(await pingRedis(port))) await new Promise((r) => setTimeout(r, 25));
    if (!exited && (await pingRedis(port))) {
      return {
        url: `redis://127.0.0.1:${port}`,
        ...(child.pid === undefined ? {} : { pid: child.pid }),
        stop: async () => {
          if (!exited && child.pid !== undefined) {
            const gone = new Promise((r) => child.once('exit', r));
            process.kill(child.pid, 'SIGTERM');
            await gone;
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.pid !== undefined && !exited) process.kill(child.pid, 'SIGKILL');
    // The port may have been taken between freePort() and redis-server's bind: another try on another port.
    if (attempt >= 3) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not answer PING on 127.0.0.1 (3 attempts)`);
    }
  }
}
