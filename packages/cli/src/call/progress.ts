// A progress line on stderr while a call waits (sending, a retry's backoff, a rate-limit sleep), fed by
// the client's `logger` option. Drawn only on a terminal, and erased when the call ends; with --verbose,
// every (already redacted) log line is printed as JSON as well. Its text comes partly from the server (a
// retry's reason): scrubbed and made terminal-safe before it is drawn between the line's own controls.
import type { Logger, LogLevel, LogLine, Secrets } from '@creditkit/core';
import type { Io } from '../io.js';
import { toJson } from '../output/json.js';
import { oneLineSafe } from '../output/terminal-safe.js';

export interface Progress {
  /** Client options to merge: the logger and its level (none when there is nothing to show). */
  readonly options: { logger?: Logger; logLevel?: LogLevel };
  /** Erases the line. */
  done(): void;
}

export function progress(io: Io, label: string, verbose: boolean, secrets: Secrets): Progress {
  const tty = io.progress;
  let timer: ReturnType<typeof setInterval> | undefined;
  let shown = false;

  const draw = (raw: string) => {
    if (!tty) return;
    const width = Math.max(20, (tty.columns || 80) - 1);
    // Scrubbed and escaped before it is cut, so a cut can neither split an escape nor leave half a secret.
    const text = oneLineSafe(secrets.scrub(raw));
    tty.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    shown = true;
  };
  const stopCountdown = () => {
    clearInterval(timer);
    timer = undefined;
  };

  const onLine = (line: LogLine) => {
    if (verbose) io.err(toJson(line, secrets, 0));
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
