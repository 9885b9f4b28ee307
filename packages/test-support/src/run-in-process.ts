// Runs the command in this process through `run()`, for the exhaustive cases (every provider's help, every
// usage mistake) where a child process each would only add minutes; the child-process tests prove the bin.
import { type Io, run } from '@creditkit/cli';
import type { CliRun } from './run-cli.js';

export interface InProcessOptions {
  /** What `--data @-` reads. */
  stdin?: string;
  /** A terminal to draw the progress line on: every write lands in `drawn`. */
  terminal?: { drawn: string[]; columns?: number };
}

export async function runInProcess(argv: readonly string[], options: InProcessOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { terminal } = options;
  const io: Io = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    ...(terminal ? { progress: { write: (text: string) => terminal.drawn.push(text), columns: terminal.columns ?? 100 } } : {}),
    readStdin: async () => options.stdin ?? '',
    onInterrupt: () => () => {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
