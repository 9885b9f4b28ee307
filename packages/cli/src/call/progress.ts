// A progress line on stderr while a call waits (sending, a retry's backoff, a rate-limit sleep), fed by
// the client's `logger` option. Drawn only on a terminal, and erased when the call ends; with --verbose,
// every (already redacted) log line is printed as JSON as well.
import type { Logger, LogLevel, LogLine } from '@creditkit/core';
import type { Io } from '../io.js';

export interface Progress {
  /** Client options to merge: the logger and its level (none when there is nothing to show). */
  readonly options: { logger?: Logger; logLevel?: LogLevel };
  /** Erases the line. */
  done(): void;
}

export function progress(io: Io, label: string, verbose: boolean): Progress {
  const tty = io.progress;
  let timer: ReturnType<typeof setInterval> | undefined;
  let shown = false;

  const draw = (text: string) => {
    if (!tty) return;
    const width = Math.max(20, (tty.columns || 80) - 1);
    tty.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    shown = true;
  };
  const stopCountdown = () => {
    clearInterval(timer);
    timer = undefined;
  };

  const onLine = (line: LogLine) => {
    if (verbose) io.err(JSON.stringify(line));
    if (line.event === 'request.start') {
      stopCountdown();
      draw(`… ${label}: waiting for an answer (attempt ${line.attempt})`);
    } else if (line.event === 'retry.scheduled') {
      // Counts down through the backoff or the server's Retry-After.
      const until = Date.now() + Number(line.waitMs ?? 0);
      const reason = String(line.reason ?? 'failed');
      const tick = () => draw(`… ${label}: retrying in ${Math.max(0, Math.ceil((until - Date.now()) / 1000))} s (attempt ${line.attempt}: ${reason})`);
      stopCountdown();
      tick();
      timer = setInterval(tick, 1000);
      timer.unref?.();
    }
  };

  const active = verbose || !!tty;
  return {
    options: active ? { logger: onLine, logLevel: 'debug' as LogLevel } : {},
    done() {
      stopCountdown();
      if (shown) tty?.write('\r\x1b[2K');
      shown = false;
    },
  };
}
