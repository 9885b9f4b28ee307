// Every failure ends as one line on stderr, a `hint:` line saying what to do, and its exit code.
import {
  AbortedError, AlreadyAppliedError, ApiError, AuthenticationError, ConfigurationError, ConnectionError, DecodeError,
  NotFoundError, OutcomeUnknownError, PermissionDeniedError, ProviderError, RateLimitError, type Secrets, ServerError,
  TimeoutError, ValidationError,
} from '@creditkit/core';
import { type ExitCode, exitCodeFor } from './exit-codes.js';
import type { Io } from './io.js';
import type { CliProvider } from './providers.js';
import { UsageError } from './usage-error.js';

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
  const what = error instanceof UsageError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: exitCodeFor(error), line: scrub(what), hint: scrub(hintFor(error, ctx)) };
}

export function reportFailure(error: unknown, ctx: FailureContext, io: Io): ExitCode {
  const { code, line, hint } = describeFailure(error, ctx);
  io.err(`error: ${line}`);
  io.err(`hint: ${hint}`);
  return code;
}

function hintFor(error: unknown, ctx: FailureContext): string {
  const credentials = credentialHelp(ctx.provider);
  const where = ctx.baseUrl ?? 'the server';
  if (error instanceof UsageError) return error.hint;
  if (error instanceof ValidationError) {
    const fields = [...new Set(error.issues.map((i) => i.path || 'the input'))].join(', ');
    return `fix ${fields} in --data; \`creditkit ${ctx.provider?.id ?? '<provider>'} ${ctx.operation ?? '<operation>'} --help\` lists the fields`;
  }
  if (error instanceof ConfigurationError) return `set ${credentials}, or use --mock to call the built-in simulators`;
  const refused = error instanceof ProviderError ? error.refused : undefined;
  if (error instanceof AuthenticationError || refused === 'authentication') return `the provider refused the credentials: check ${credentials}`;
  if (error instanceof PermissionDeniedError || refused === 'permission') return `the credentials were accepted but may not call ${ctx.operation ?? 'this operation'}: check the account's permissions`;
  if (error instanceof RateLimitError) {
    return error.retryAfterMs === undefined
      ? 'rate limited: retry later, or raise --max-retries to wait automatically'
      : `rate limited: retry after ${Math.ceil(error.retryAfterMs / 1000)} s (or raise --max-retries to wait automatically)`;
  }
  if (error instanceof OutcomeUnknownError) return 'the purchase may have been applied and was not retried: check the account before running this command again';
  if (error instanceof AlreadyAppliedError) return 'an earlier attempt of this call was applied: do not run it again with a new key';
  if (error instanceof TimeoutError) return `no answer within ${error.timeoutMs} ms: raise --timeout, or check ${where}`;
  if (error instanceof AbortedError) return 'the call was interrupted before it finished';
  if (error instanceof ConnectionError) return `could not talk to ${where}: check --base-url / --environment and the network`;
  if (error instanceof ProviderError) return `${ctx.provider?.name ?? 'the provider'} answered that the call failed (code ${error.code}): check the input and the account`;
  if (error instanceof NotFoundError) return `${where} has no such endpoint: check --base-url / --environment`;
  if (error instanceof ServerError) return `${ctx.provider?.name ?? 'the provider'} failed (${error.status}) after the allowed retries: try again later`;
  if (error instanceof ApiError) return `${ctx.provider?.name ?? 'the provider'} rejected the request (${error.status}): see the message above`;
  if (error instanceof DecodeError) return `the answer was not what the spec declares: check that ${where} is the ${ctx.provider?.name ?? 'provider'} API`;
  return 'this looks like a bug in creditkit: run again with --verbose and report it';
}

/** `FINERWORKS_WEB_API_KEY and FINERWORKS_APP_KEY (or --credential webApiKey=… appKey=…)`. */
export function credentialHelp(provider: CliProvider | undefined): string {
  if (!provider) return 'the provider’s credential env vars (or --credential name=value)';
  const entries = Object.entries(provider.spec.credentials);
  return `${entries.map(([, c]) => c.env).join(' and ')} (or --credential ${entries.map(([name]) => `${name}=…`).join(' ')})`;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
