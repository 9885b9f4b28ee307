// Runs the real `creditkit` command in a child process, as a shell would: its entry file under Node with
// tsx's loader and the repo's test tsconfig, so every @creditkit/* import is the current source (no build
// needed, never a stale dist/), in one process that gets signals directly.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { providerPackages } from '../../../tools/workspace/providers.js';

const root = resolve(import.meta.dirname, '../../..');
// The command's source entry, in whichever folder the workspace links @creditkit/cli from.
const bin = resolve(dirname(createRequire(import.meta.url).resolve('@creditkit/cli/package.json')), 'src/bin.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Credential env vars of the host are dropped, so every run sees only what the test gives it. */
const credentialEnv = new Set(providerPackages().flatMap((p) => Object.values(p.credentials)));

export interface RunOptions {
  env?: Record<string, string>;
  stdin?: string;
  /** A file to give as stdin instead (`/dev/zero`: an endless stream). */
  stdinFile?: string;
  /** Sends SIGINT (Ctrl-C) once stderr satisfies this. */
  interruptWhen?: (stderr: string) => boolean;
  /** Kills the child (SIGKILL) after this long; `code` is then null. */
  killAfterMs?: number;
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !credentialEnv.has(k)));
  const stdinFd = options.stdinFile === undefined ? undefined : openSync(options.stdinFile, 'r');
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
    cwd: root,
    env: { ...env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.test.json'), NO_COLOR: '1', ...options.env },
    stdio: [stdinFd ?? 'pipe', 'pipe', 'pipe'],
  });
  // The child holds its own copy of the descriptor.
  if (stdinFd !== undefined) closeSync(stdinFd);
  const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  let interrupted = false;
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
    if (!interrupted && options.interruptWhen?.(stderr)) interrupted = child.kill('SIGINT');
  });
  child.stdin?.end(options.stdin ?? '');
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(killer);
      done({ code, stdout, stderr });
    });
  });
}

/** stderr as lines, without the trailing empty one. */
export const lines = (text: string) => text.split('\n').filter((l) => l !== '');
