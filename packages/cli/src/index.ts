// @creditkit/cli as a library: run the `creditkit` command in-process (`run(['providers'])` -> exit code),
// and the exit-code table scripts can rely on.
/**
 * The `creditkit` command as a library: {@link run} it in-process and get its exit code, from the table scripts can
 * rely on ({@link EXIT_CODES}).
 *
 * @module
 */
export { run } from './run.js';
export type { Io } from './io.js';
export type { RunOptions } from './run.js';
export { EXIT_CODE_DOCS, EXIT_CODES, exitCodeFor } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
export { CommandError } from './command-error.js';
export { UsageError } from './usage-error.js';
