// A real npm registry for the release test: Verdaccio on 127.0.0.1 with an ephemeral port, its storage and
// config in a temporary folder, one process started by us and stopped by its PID.
// @creditkit/* lives only here (never proxied); everything else is fetched through the public registry.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './workspace.js';

export interface LocalRegistry {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Stops the process we started (by PID); safe to call twice. */
  stop(): Promise<void>;
  log(): string;
}

const PUBLIC_REGISTRY = 'https://registry.npmjs.org/';

/** A port nobody uses right now: bind port 0 on loopback, read it, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The registry npm is configured with, unless that is a local one (then the public registry). */
function upstream(): string {
  const configured = process.env.npm_config_registry;
  return configured && /^https:\/\//.test(configured) ? configured.replace(/\/?$/, '/') : PUBLIC_REGISTRY;
}

function config(dir: string, port: number): string {
  return `# creditkit release test: written by tools/release/verdaccio.ts
storage: ${JSON.stringify(join(dir, 'storage'))}
listen: 127.0.0.1:${port}
web:
  enable: false
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, 'htpasswd'))}
    max_users: -1
uplinks:
  npmjs:
    url: ${upstream()}
    timeout: 60s
    max_fails: 5
packages:
  '@creditkit/*':
    access: $all
    publish: $all
  '**':
    access: $all
    publish: $all
    proxy: npmjs
max_body_size: 50mb
log: { type: stdout, format: pretty, level: warn }
`;
}

export async function startVerdaccio(dir: string, tracker: (pid: number) => void = () => {}): Promise<LocalRegistry> {
  mkdirSync(dir, { recursive: true });
  const bin = join(repoRoot, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  let lastError: unknown;
  for (let tryNo = 1; tryNo <= 3; tryNo++) {
    const port = await freePort();
    const cfg = join(dir, 'config.yaml');
    writeFileSync(cfg, config(dir, port));
    const logFile = join(dir, 'verdaccio.log');
    const out = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(process.execPath, [bin, '--config', cfg], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    if (child.pid === undefined) throw new Error('verdaccio did not start');
    tracker(child.pid);
    const url = `http://127.0.0.1:${port}/`;
    const registry: LocalRegistry = {
      url,
      port,
      pid: child.pid,
      stop: () => stopChild(child),
      log: () => readFileSync(logFile, 'utf8'),
    };
    try {
      await waitReady(url, child);
      return registry;
    } catch (error) {
      lastError = error;
      await registry.stop();
      // Someone took the port between our probe and Verdaccio's bind: try another one.
      if (!/EADDRINUSE/.test(registry.log())) break;
    }
  }
  throw new Error(`verdaccio did not become ready: ${String(lastError)}`);
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`verdaccio exited (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {}
    await sleep(150);
  }
  throw new Error('verdaccio: no answer on /-/ping within 30 s');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid!, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
  if (timedOut) {
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }
}

/** True while a process with this PID exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
