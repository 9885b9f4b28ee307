// A failure the command itself detects (not one of core's error classes): its message, what to do instead,
// and the exit status it ends with. UsageError is the most common one (exit 2).
import type { ExitStatus } from '@creditkit/core';

/**
 * A failure the command itself detects (not one of core's error classes): its message, what to do instead, and the
 * exit status it ends with.
 */
export class CommandError extends Error {
  /** What to do instead, shown as the `hint:` line. */
  readonly hint: string;
  /** The exit status, named as core's error table names them. */
  readonly status: ExitStatus;
  constructor(message: string, init: { hint: string; status: ExitStatus }) {
    super(message);
    this.name = 'CommandError';
    this.hint = init.hint;
    this.status = init.status;
  }
}
