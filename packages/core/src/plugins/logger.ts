// The log of a client: one structured line per stage point core logs at (pipeline/attempt.ts, retry-loop.ts),
// level-filtered, and every value of every line scrubbed of secrets before it reaches the sink.
import { scrubDeep } from '../redact.js';

/** The level of a log line; the `logLevel` client option drops lines below it. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
/** One structured log line, every value scrubbed of secrets before the logger sees it. */
export interface LogLine extends LogFields {
  level: LogLevel;
  event: string;
  provider: string;
  operation: string;
}

/** A function taking each line, or a console-like object. */
export type Logger = ((line: LogLine) => void) | Partial<Record<LogLevel, (message: string, line: LogLine) => void>>;

export const LEVELS: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** The log of a client without a logger; the pipeline recognises it and skips the work of its lines. */
export const silent = (): void => {};

// Logs that write no line (a call traced with no logger): the pipeline skips the work of its lines for them too.
const writesNothing = new WeakSet<object>([silent]);

/** True for a log that writes no line, so that a stage can skip building lines nobody reads. */
export const isQuiet = (log: object): boolean => writesNothing.has(log);

/** Marks a call's log as writing no line (it only hands traced events on). */
export function quiet<T extends object>(log: T): T {
  writesNothing.add(log);
  return log;
}

/** Builds the `log` function of a client: level filter, secret scrubbing, then the sink. */
export function makeLog(logger: Logger | undefined, minLevel: LogLevel | 'silent', scrub: (s: string) => string) {
  if (!logger || minLevel === 'silent') return silent;
  const threshold = LEVELS[minLevel];
  return (level: LogLevel, event: string, fields: LogFields, who: { provider: string; operation: string }) => {
    if (LEVELS[level] < threshold) return;
    // Values are scrubbed before anything serialises them: JSON escaping (`\"`, `\\`) would hide a secret's
    // written form from the scrubber.
    const line = scrubDeep({ level, event, ...who, ...fields }, scrub) as LogLine;
    if (typeof logger === 'function') logger(line);
    else logger[level]?.(scrub(`[creditkit] ${who.provider}.${who.operation} ${event}`), line);
  };
}
