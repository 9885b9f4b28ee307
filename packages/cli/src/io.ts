// Where the command reads and writes. `run()` takes one, so the command can be embedded or driven in tests;
// the bin passes the process's own.
import { readCapped } from './call/read-capped.js';

/** Where the command reads and writes: {@link run} takes one, so the command can be embedded or driven in tests. */
export interface Io {
  /** Writes one or more lines to stdout (a newline is added). */
  out(text: string): void;
  /** Writes one or more lines to stderr (a newline is added). */
  err(text: string): void;
  /** Progress lines are drawn only on a terminal; set to the stream to draw on, or undefined. */
  readonly progress?: {
    /** Writes progress text as it is (control sequences included) to the terminal. */
    write(text: string): unknown;
    readonly columns?: number;
  };
  /**
   * Reads stdin as UTF-8. With `maxBytes`, stops once more than that has arrived (the text is then longer
   * than `maxBytes` bytes, and the command refuses it), so an endless pipe is never read whole.
   */
  readStdin(maxBytes?: number): Promise<string>;
  /** Calls `handler` on Ctrl-C; returns the unsubscribe. */
  onInterrupt(handler: () => void): () => void;
}

export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
    async readStdin(maxBytes = Number.POSITIVE_INFINITY) {
      return (await readCapped(process.stdin, maxBytes)).toString('utf8');
    },
    onInterrupt(handler) {
      process.once('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
}
