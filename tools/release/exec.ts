// Running commands for the release tools: async (so signal handlers keep working), output captured.
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Resolve instead of throwing on a non-zero exit. */
  allowFail?: boolean;
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const result = { code: code ?? (signal ? 128 : 1), stdout, stderr, ms: performance.now() - started };
      if (result.code !== 0 && !options.allowFail) {
        reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}\n${tail(stdout)}\n${tail(stderr)}`));
      } else resolve(result);
    });
  });
}

export const tail = (text: string, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');
export const indent = (text: string, pad = '    ') =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
/** npm on this machine may warn about an unknown user config; it is noise in our output. */
export const quiet = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^npm warn (Unknown user config|using --force)/.test(l))
    .join('\n');
