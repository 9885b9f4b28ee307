// Runs the command in this process through `run()`, for the exhaustive cases (every provider's help, every
// usage mistake) where a child process each would only add minutes; the child-process tests prove the bin.
import type { Io } from '../io.js';
import { run } from '../run.js';
import type { CliRun } from './run-cli.js';

export async function runInProcess(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    readStdin: async () => '',
    onInterrupt: () => () => {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
