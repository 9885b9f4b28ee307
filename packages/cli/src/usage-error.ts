// A mistake in how the command was called (unknown provider, bad flag, --data that is not JSON): exit 2.
export class UsageError extends Error {
  /** What to do instead, shown as the `hint:` line. */
  readonly hint: string;
  constructor(message: string, hint = 'run `creditkit --help` for usage') {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}
