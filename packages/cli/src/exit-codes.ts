// One exit code per kind of failure, so a shell or CI job can branch on `$?` without parsing text.
import { type ExitStatus, errorKindOf } from '@creditkit/core';
import { CommandError } from './command-error.js';

/** One exit code per kind of failure, so a shell or CI job can branch on `$?` without parsing text. */
export const EXIT_CODES = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  validation: 3,
  auth: 4,
  rateLimit: 5,
  provider: 6,
  network: 7,
  outcomeUnknown: 8,
  unsupported: 9,
} as const satisfies Record<ExitStatus | 'ok', number>;

/** One of the values of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The table in `--help` and the README. */
export const EXIT_CODE_DOCS: readonly (readonly [ExitCode, string])[] = [
  [0, 'ok (also: a --dry-run that printed its request)'],
  [1, 'unexpected error (a bug: please report it)'],
  [2, 'usage: unknown provider/operation/flag, --data not JSON or over 10 MiB, unknown --environment, bad --base-url or --store, an option the client refuses, a command that needs a store without one, intents resolve of a claimed/sent intent without --force'],
  [3, 'validation: the input breaks the spec; nothing was sent (also: intents show/resolve of an id the store does not hold)'],
  [4, 'auth: missing or unusable credential, or the provider refused it (401/403, or a body that says so)'],
  [5, 'rate limited (429) after the allowed retries'],
  [6, 'provider error: a body that says it failed, another HTTP error, or an unreadable answer'],
  [7, 'network: connection failed, timed out, or interrupted; the store is unreachable; another worker holds the --intent, or changed it during intents resolve'],
  [8, 'outcome unknown: a purchase may have been applied; check the account before running again'],
  [9, 'unsupported: this runtime or client setup cannot make the call (no codec for the media type, a GET with a body without node:http)'],
];

/** The command's own failures (usage mistakes, `intents` refusals), then the exit status core's error table gives the error. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CommandError) return EXIT_CODES[error.status];
  return EXIT_CODES[errorKindOf(error).exit];
}
