// The `creditkit-mock` command line, checked before anything starts: a bad flag or port is a one-line usage
// error (exit 2), never a stack trace.
import { parseArgs } from 'node:util';
import { simulatorFactories } from './simulators/index.js';

// The providers come from the generated simulator list: a new provider shows here without an edit.
export const USAGE = `Usage: creditkit-mock [--port N] [--json]

Starts a simulator of each provider (${Object.keys(simulatorFactories).join(', ')}) on
127.0.0.1 (an ephemeral port unless --port is given) and prints each base URL and the credentials they accept.
Stop it with Ctrl-C or SIGTERM.

Options
  --port N   listen on this port (0 to 65535; 0 or none: any free port)
  --json     print the URLs and credentials as one JSON line
  -h, --help this text`;

export interface MockArgs {
  port: number;
  json: boolean;
  help: boolean;
}

/** A mistake in how the command was called. */
export class MockUsageError extends Error {
  override name = 'MockUsageError';
}

export function parseMockArgs(argv: readonly string[]): MockArgs {
  let values: { port?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { port: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    // Its first line says it ("Unknown option '--foo'"); the rest is advice about `--`, which does not apply.
    throw new MockUsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, ''));
  }
  return { port: values.port === undefined ? 0 : parsePort(values.port), json: values.json ?? false, help: values.help ?? false };
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port <= 65535)) throw new MockUsageError(`--port must be a whole number from 0 to 65535; got '${text}'`);
  return port;
}

/** Echoed input with its control and bidi characters escaped, so an error line cannot drive the terminal. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to escape.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
