// A mistake in how the command was called (unknown provider, bad flag, --data that is not JSON): exit 2.
import { CommandError } from './command-error.js';

/** A mistake in how the command was called (unknown provider, bad flag, `--data` that is not JSON): exit 2. */
export class UsageError extends CommandError {
  constructor(message: string, hint = 'run `creditkit --help` for usage') {
    super(message, { hint, status: 'usage' });
    this.name = 'UsageError';
  }
}
