// `CREDITKIT_LOG=debug|info|warn|error`: the built-in console logger, turned on without a code change (as `DEBUG`
// does elsewhere) for a client given no `logger`. One JSON object per line on stderr, so that a command's own
// stdout stays exact; every value is scrubbed before it is serialised (makeLog).
import { ConfigurationError } from '../errors.js';
import type { Logger, LogLevel, LogLine } from './logger.js';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const OFF = new Set(['', 'off', 'silent', 'none']);

/** The logger and level `CREDITKIT_LOG` asks for, or undefined when it is unset or off. */
export function envLogger(provider: string, env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env): { logger: Logger; level: LogLevel } | undefined {
  const raw = env?.CREDITKIT_LOG;
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (OFF.has(value)) return undefined;
  if (!(LEVELS as readonly string[]).includes(value)) {
    // The value is an environment variable's: shown cut short, as it is no secret but may be anything.
    throw new ConfigurationError(`CREDITKIT_LOG must be one of ${LEVELS.join(', ')} or off, not '${value.slice(0, 20)}'`, { provider, option: 'CREDITKIT_LOG' });
  }
  return { logger: jsonLine, level: value as LogLevel };
}

// JSON leaves C1 controls (a terminal reads U+009B as CSI) and bidi overrides as they are; a server's text inside a
// line must not drive the terminal that shows stderr. Escaped as \uXXXX, the line is still the same JSON.
const TERMINAL_UNSAFE = /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function jsonLine(line: LogLine): void {
  const json = JSON.stringify({ time: new Date().toISOString(), ...line }, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  console.error(json.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
