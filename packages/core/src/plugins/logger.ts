// One structured line per attempt (provider, operation, method, URL, status, attempt, duration), plus
// retry decisions. Every value of every line is scrubbed of secrets before it reaches the sink.
import type { AttemptPlugin } from '../plugin.js';
import { scrubDeep } from '../redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export interface LogLine extends LogFields {
  level: LogLevel;
  event: string;
  provider: string;
  operation: string;
}

/** A function taking each line, or a console-like object. */
export type Logger = ((line: LogLine) => void) | Partial<Record<LogLevel, (message: string, line: LogLine) => void>>;

export const LEVELS: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function loggerPlugin(): AttemptPlugin {
  return {
    name: 'logger',
    phase: 'attempt',
    before: ['timeout'],
    tags: ['logging'],
    middleware: async (request, next, ctx) => {
      // No logger: skip the redaction and timing work, which nobody would see.
      if (ctx.log === silent) return next(request);
      const started = performance.now();
      const base = { method: request.method, url: ctx.secrets.url(request.url), attempt: ctx.attempt };
      ctx.log('debug', 'request.start', base);
      try {
        const response = await next(request);
        const durationMs = Math.round(performance.now() - started);
        ctx.log(response.ok ? 'info' : 'warn', 'request.end', { ...base, status: response.status, durationMs, requestId: response.headers.get('x-request-id') ?? undefined });
        return response;
      } catch (error) {
        const durationMs = Math.round(performance.now() - started);
        ctx.log('error', 'request.error', { ...base, durationMs, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
        throw error;
      }
    },
  };
}

/** The log of a client without a logger; the logger plugin recognises it and does nothing. */
export const silent = (): void => {};

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
