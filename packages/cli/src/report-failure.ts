// Every failure ends as one line on stderr, a `hint:` line saying what to do, and its exit code.
import {
  type ConfigurationError, type ErrorKind, errorKindOf, type IntentInFlightError, type MissingCredentialsError, type ProviderError,
  type RateLimitError, type Secrets, type ServerError, type TimeoutError, type UnusableCredentialError, type ValidationError,
} from '@creditkit/core';
import { type ExitCode, exitCodeFor } from './exit-codes.js';
import type { Io } from './io.js';
import type { CliProvider } from './providers.js';
import { CommandError } from './command-error.js';

/** What the command knew when it failed, for a hint that names the right flag or env var. */
export interface FailureContext {
  provider?: CliProvider;
  operation?: string;
  baseUrl?: string;
  /** The credentials in use: scrubbed from the output too, over core's own scrubbing. */
  secrets?: Secrets;
}

export interface Failure {
  code: ExitCode;
  line: string;
  hint: string;
}

export function describeFailure(error: unknown, ctx: FailureContext = {}): Failure {
  const scrub = (s: string) => oneLine(ctx.secrets?.scrub(s) ?? s);
  const what = error instanceof CommandError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: exitCodeFor(error), line: scrub(what), hint: scrub(hintFor(error, ctx)) };
}

export function reportFailure(error: unknown, ctx: FailureContext, io: Io): ExitCode {
  const { code, line, hint } = describeFailure(error, ctx);
  io.err(`error: ${line}`);
  io.err(`hint: ${hint}`);
  return code;
}

function hintFor(error: unknown, ctx: FailureContext): string {
  return error instanceof CommandError ? error.hint : HINTS[errorKindOf(error).kind](error, ctx);
}

/** What to do, by the kind core's error table gives the error: a new kind does not compile until it has a hint. */
const HINTS: Record<ErrorKind, (error: unknown, ctx: FailureContext) => string> = {
  validation: (error, ctx) => {
    const fields = [...new Set((error as ValidationError).issues.map((i) => i.path || 'the input'))].join(', ');
    return `fix ${fields} in --data; \`creditkit ${ctx.provider?.id ?? '<provider>'} ${ctx.operation ?? '<operation>'} --help\` lists the fields`;
  },
  configuration: (error) => optionHint((error as ConfigurationError).option),
  'missing-credentials': (error, ctx) => `set ${namedCredentials(error as MissingCredentialsError, ctx)}, or use --mock to call the built-in simulators`,
  'unusable-credential': (error, ctx) =>
    `set ${namedCredentials(error as UnusableCredentialError, ctx)} to the value exactly as issued: no line break, control character or space at either end`,
  'unsupported-runtime': () => 'this client, as set up here, cannot make the call (see the message above); the stock command runs on Node: if you did not change it, report this',
  authentication: (_, ctx) => `the provider refused the credentials: check ${credentialHelp(ctx.provider)}`,
  'permission-denied': (_, ctx) => `the credentials were accepted but may not call ${ctx.operation ?? 'this operation'}: check the account's permissions`,
  'rate-limit': (error) => {
    const { retryAfterMs } = error as RateLimitError;
    return retryAfterMs === undefined
      ? 'rate limited: retry later, or raise --max-retries to wait automatically'
      : `rate limited: retry after ${Math.ceil(retryAfterMs / 1000)} s (or raise --max-retries to wait automatically)`;
  },
  'outcome-unknown': () => 'the purchase may have been applied and was not retried: check the account before running this command again',
  'already-applied': () => 'an earlier attempt of this call was applied: do not run it again with a new key',
  'intent-in-flight': (error) => `another worker is working on intent ${(error as IntentInFlightError).intentId}: run this again later, or see \`creditkit intents show ${(error as IntentInFlightError).intentId}\``,
  timeout: (error, ctx) => `no answer within ${(error as TimeoutError).timeoutMs} ms: raise --timeout, or check ${where(ctx)}`,
  aborted: () => 'the call was interrupted before it finished',
  connection: (_, ctx) => `could not talk to ${where(ctx)}: check --base-url / --environment and the network`,
  provider: (error, ctx) => `${providerName(ctx)} answered that the call failed (code ${(error as ProviderError).code}): check the input and the account`,
  'not-found': (_, ctx) => `${where(ctx)} has no such endpoint: check --base-url / --environment`,
  server: (error, ctx) => `${providerName(ctx)} failed (${(error as ServerError).status}) after the allowed retries: try again later`,
  conflict: (error, ctx) => rejected(error, ctx),
  http: (error, ctx) => rejected(error, ctx),
  decode: (_, ctx) => `the answer was not what the spec declares: check that ${where(ctx)} is the ${ctx.provider?.name ?? 'provider'} API`,
  unexpected: () => 'this looks like a bug in creditkit: run again with --verbose and report it',
};

const where = (ctx: FailureContext) => ctx.baseUrl ?? 'the server';
const providerName = (ctx: FailureContext) => ctx.provider?.name ?? 'the provider';
const rejected = (error: unknown, ctx: FailureContext) => `${providerName(ctx)} rejected the request (${(error as ServerError).status}): see the message above`;

/** The command's flag for a client option, where it has one. */
const FLAG_FOR_OPTION: Record<string, string> = {
  environment: '--environment',
  baseUrl: '--base-url',
  timeoutMs: '--timeout',
  maxRetries: '--max-retries',
  mediaType: '--media-type',
  store: '--store',
};

function optionHint(option: string | undefined): string {
  if (option === undefined) return 'fix the option the message above names; `creditkit --help` lists the flags';
  const flag = Object.hasOwn(FLAG_FOR_OPTION, option) ? FLAG_FOR_OPTION[option] : undefined;
  return `fix ${flag ?? `the ${option} option`}: the message above says what it accepts`;
}

/** The env vars and flags of the credentials the error names: `FUSEBILL_API_KEY (or --credential apiKey=<value>)`. */
function namedCredentials(error: MissingCredentialsError | UnusableCredentialError, ctx: FailureContext): string {
  const named = error.credentials.filter((c) => c.env);
  if (named.length === 0) return credentialHelp(ctx.provider);
  // `=<value>`, not `=…`: a flag value cut short reads as the head of a secret, and would be redacted.
  return `${named.map((c) => c.env).join(' and ')} (or --credential ${named.map((c) => `${c.option}=<value>`).join(' ')})`;
}

/** `FINERWORKS_WEB_API_KEY and FINERWORKS_APP_KEY (or --credential webApiKey=<value> appKey=<value>)`. */
export function credentialHelp(provider: CliProvider | undefined): string {
  if (!provider) return 'the provider’s credential env vars (or --credential name=value)';
  const entries = Object.entries(provider.spec.credentials);
  return `${entries.map(([, c]) => c.env).join(' and ')} (or --credential ${entries.map(([name]) => `${name}=<value>`).join(' ')})`;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
