// Running the `creditkit` command from a test: as a child process (the real bin) or in this process.
export { type CliRun, lines, type RunOptions, runCli } from './run-cli.js';
export { type InProcessOptions, runInProcess } from './run-in-process.js';
