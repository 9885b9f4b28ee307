// One exit code per kind of failure, so a shell or CI job can branch on `$?` without parsing text.
import {
  AbortedError, AlreadyAppliedError, ApiError, AuthenticationError, ConfigurationError, ConnectionError, DecodeError,
  OutcomeUnknownError, PermissionDeniedError, ProviderError, RateLimitError, TimeoutError, ValidationError,
} from '@creditkit/core';
import { UsageError } from './usage-error.js';

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
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The table in `--help` and the README. */
export const EXIT_CODE_DOCS: readonly (readonly [ExitCode, string])[] = [
  [0, 'ok (also: a --dry-run that printed its request)'],
  [1, 'unexpected error (a bug: please report it)'],
  [2, 'usage: unknown provider/operation/flag, --data not JSON or over 10 MiB, unknown --environment, bad --base-url'],
  [3, 'validation: the input breaks the spec; nothing was sent'],
  [4, 'auth: missing credential, or the provider refused it (401/403, or a body that says so)'],
  [5, 'rate limited (429) after the allowed retries'],
  [6, 'provider error: a body that says it failed, another HTTP error, or an unreadable answer'],
  [7, 'network: connection failed, timed out, or interrupted'],
  [8, 'outcome unknown: a purchase may have been applied; check the account before running again'],
];

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT_CODES.usage;
  if (error instanceof ValidationError) return EXIT_CODES.validation;
  if (error instanceof ConfigurationError || error instanceof AuthenticationError || error instanceof PermissionDeniedError) return EXIT_CODES.auth;
  // A 200 body that refuses the credentials (Safe Creative `InvalidSignature`) is an auth failure too.
  if (error instanceof ProviderError && error.refused) return EXIT_CODES.auth;
  if (error instanceof RateLimitError) return EXIT_CODES.rateLimit;
  if (error instanceof OutcomeUnknownError || error instanceof AlreadyAppliedError) return EXIT_CODES.outcomeUnknown;
  if (error instanceof ConnectionError || error instanceof TimeoutError || error instanceof AbortedError) return EXIT_CODES.network;
  if (error instanceof ProviderError || error instanceof ApiError || error instanceof DecodeError) return EXIT_CODES.provider;
  return EXIT_CODES.unexpected;
}
