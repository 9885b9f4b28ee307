// What each error class means, in one table: the retry loop, the CLI's exit code and the CLI's hint all read
// it, so a new error class is one new row here instead of three `instanceof` ladders kept in step by hand.
import {
  AbortedError, AlreadyAppliedError, ApiError, AuthenticationError, ConfigurationError, ConflictError, ConnectionError,
  CreditkitError, DecodeError, IntentInFlightError, MissingCredentialsError, NotFoundError, OutcomeUnknownError, PermissionDeniedError,
  ProviderError, RateLimitError, ServerError, TimeoutError, UnsupportedRuntimeError, UnusableCredentialError, ValidationError,
} from './errors.js';

/** What went wrong, as a word a program can branch on. */
export type ErrorKind =
  | 'validation'
  | 'configuration'
  | 'missing-credentials'
  | 'unusable-credential'
  | 'unsupported-runtime'
  | 'authentication'
  | 'permission-denied'
  | 'not-found'
  | 'conflict'
  | 'rate-limit'
  | 'server'
  | 'http'
  | 'provider'
  | 'decode'
  | 'connection'
  | 'timeout'
  | 'aborted'
  | 'outcome-unknown'
  | 'already-applied'
  | 'intent-in-flight'
  | 'unexpected';

/**
 * Whether the retry loop may repeat the attempt that failed (README, "Retries"). The operation's idempotency
 * class decides the rest: an unsafe purchase is never sent twice.
 * - `never`: not retried.
 * - `if-not-sent`: retried when the request provably never left; once it may have, only when the operation is
 *   safe to repeat, and the outcome is in doubt. A timeout of the whole call is never retried.
 * - `after-wait`: the server refused before processing (429): retried, after the wait it asked for.
 * - `by-status`: the HTTP status decides (503 with a wait: retried; 5xx/408: when safe to repeat; else not).
 * - `if-repeatable`: a 2xx that could not be read: processed, so repeated only when safe to repeat, in doubt.
 */
export type RetryRule = 'never' | 'if-not-sent' | 'after-wait' | 'by-status' | 'if-repeatable';

/** The `creditkit` command's exit status for the error, by name; the numbers live in the CLI (`EXIT_CODES`). */
export type ExitStatus = 'unexpected' | 'usage' | 'validation' | 'auth' | 'rateLimit' | 'provider' | 'network' | 'outcomeUnknown' | 'unsupported';

/** What an error means to each consumer. */
export interface ErrorKindEntry {
  /** What went wrong. */
  readonly kind: ErrorKind;
  /** Whether the retry loop may repeat the attempt. */
  readonly retry: RetryRule;
  /** The `creditkit` command's exit status. */
  readonly exit: ExitStatus;
}

type ErrorClass = abstract new (...args: any[]) => Error;

/** One row per exported error class. A class without its own row takes its nearest ancestor's. */
export const ERROR_KINDS: ReadonlyMap<ErrorClass, ErrorKindEntry> = new Map<ErrorClass, ErrorKindEntry>([
  [CreditkitError, { kind: 'unexpected', retry: 'never', exit: 'unexpected' }],
  [ValidationError, { kind: 'validation', retry: 'never', exit: 'validation' }],
  [ConfigurationError, { kind: 'configuration', retry: 'never', exit: 'usage' }],
  [MissingCredentialsError, { kind: 'missing-credentials', retry: 'never', exit: 'auth' }],
  [UnusableCredentialError, { kind: 'unusable-credential', retry: 'never', exit: 'auth' }],
  [UnsupportedRuntimeError, { kind: 'unsupported-runtime', retry: 'never', exit: 'unsupported' }],
  [ApiError, { kind: 'http', retry: 'by-status', exit: 'provider' }],
  [AuthenticationError, { kind: 'authentication', retry: 'by-status', exit: 'auth' }],
  [PermissionDeniedError, { kind: 'permission-denied', retry: 'by-status', exit: 'auth' }],
  [NotFoundError, { kind: 'not-found', retry: 'by-status', exit: 'provider' }],
  [ConflictError, { kind: 'conflict', retry: 'by-status', exit: 'provider' }],
  [RateLimitError, { kind: 'rate-limit', retry: 'after-wait', exit: 'rateLimit' }],
  [ServerError, { kind: 'server', retry: 'by-status', exit: 'provider' }],
  [ProviderError, { kind: 'provider', retry: 'never', exit: 'provider' }],
  [DecodeError, { kind: 'decode', retry: 'if-repeatable', exit: 'provider' }],
  [ConnectionError, { kind: 'connection', retry: 'if-not-sent', exit: 'network' }],
  [TimeoutError, { kind: 'timeout', retry: 'if-not-sent', exit: 'network' }],
  [AbortedError, { kind: 'aborted', retry: 'never', exit: 'network' }],
  [OutcomeUnknownError, { kind: 'outcome-unknown', retry: 'never', exit: 'outcomeUnknown' }],
  [AlreadyAppliedError, { kind: 'already-applied', retry: 'never', exit: 'outcomeUnknown' }],
  [IntentInFlightError, { kind: 'intent-in-flight', retry: 'never', exit: 'network' }],
]);

/** Anything that is not a creditkit error: a bug somewhere. */
const UNEXPECTED: ErrorKindEntry = { kind: 'unexpected', retry: 'never', exit: 'unexpected' };

/**
 * A 200 body that refuses the credentials (Safe Creative `InvalidSignature`) means what a 401 or 403 would; it
 * is still never retried, as no 2xx failure is.
 */
const REFUSED: Record<NonNullable<ProviderError['refused']>, ErrorKindEntry> = {
  authentication: { kind: 'authentication', retry: 'never', exit: 'auth' },
  permission: { kind: 'permission-denied', retry: 'never', exit: 'auth' },
};

/** The rows by prototype, so a lookup walks the error's prototype chain and reads no property of it. */
const BY_PROTOTYPE = new Map<unknown, ErrorKindEntry>([...ERROR_KINDS].map(([errorClass, entry]) => [errorClass.prototype, entry]));

/** The row of the error's own class, or of its nearest ancestor that has one. */
export function errorKindOf(error: unknown): ErrorKindEntry {
  if (error instanceof ProviderError && error.refused) return REFUSED[error.refused];
  for (let proto = typeof error === 'object' && error !== null ? Object.getPrototypeOf(error) : null; proto; proto = Object.getPrototypeOf(proto)) {
    const entry = BY_PROTOTYPE.get(proto);
    if (entry) return entry;
  }
  return UNEXPECTED;
}
