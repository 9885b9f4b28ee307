// One family of typed errors. Every string an error carries (message, stack, fields, body, headers, the whole
// cause chain) is scrubbed of secrets when the error is built, so toString, JSON.stringify and util.inspect
// are all safe to log. Long text is cut only after it was scrubbed (`Secrets.clip`), never before.
import type { Secrets } from './redact.js';
import { type HeaderSource, headerEntries, headerOf } from './header-map.js';

export interface ErrorContext {
  provider?: string;
  operation?: string;
  secrets?: Secrets;
  cause?: unknown;
}

/** How far down a cause chain is copied and scrubbed. */
const MAX_CAUSES = 8;

/**
 * The base of every error creditkit throws. Its message, fields and cause chain are scrubbed of the client's secrets
 * when it is built, so it is safe to log as it is.
 */
export class CreditkitError extends Error {
  readonly provider?: string;
  readonly operation?: string;

  constructor(message: string, context: ErrorContext = {}) {
    super(scrubText(message, context.secrets), context.cause === undefined ? undefined : { cause: scrubCause(context.cause, context.secrets) });
    this.name = new.target.name;
    if (context.provider) this.provider = context.provider;
    if (context.operation) this.operation = context.operation;
  }

  /**
   * The error as plain data for `JSON.stringify`: `name`, `message`, its own fields, and the cause's name and message
   * (all already scrubbed).
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [k, v] of Object.entries(this)) if (v !== undefined) out[k] = v;
    if (this.cause instanceof Error) out.cause = { name: this.cause.name, message: this.cause.message };
    return out;
  }
}

const scrubText = (text: string, secrets: Secrets | undefined) => secrets?.scrub(text) ?? text;
const scrubData = <T>(value: T, secrets: Secrets | undefined): T => (secrets ? secrets.scrubValue(value) : value);
/** Scrubbed, then cut: a cut never leaves the head of a secret. */
const clipText = (text: string, max: number, secrets: Secrets | undefined) => (secrets ? secrets.clip(text, max) : truncate(text, max));

/**
 * A copy of the cause with every string scrubbed, down the whole chain. A creditkit error keeps its class and
 * fields (it may have been built where no secrets were known, by a codec); any other error keeps its name
 * and code.
 */
function scrubCause(cause: unknown, secrets: Secrets | undefined, depth = 0): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? scrubText(cause, secrets) : scrubData(cause, secrets);
  if (depth >= MAX_CAUSES) return new Error(scrubText(`${cause.name}: ${cause.message}`, secrets));
  if (cause instanceof CreditkitError) {
    const copy = Object.create(Object.getPrototypeOf(cause)) as CreditkitError;
    for (const key of Reflect.ownKeys(cause)) {
      // `stack` may be an accessor: read through it, keep a plain value.
      const { enumerable, configurable } = Object.getOwnPropertyDescriptor(cause, key)!;
      const value: unknown = (cause as unknown as Record<PropertyKey, unknown>)[key];
      const scrubbed = key === 'cause' ? scrubCause(value, secrets, depth + 1) : typeof value === 'string' ? scrubText(value, secrets) : scrubData(value, secrets);
      Object.defineProperty(copy, key, { value: scrubbed, enumerable: !!enumerable, configurable: !!configurable, writable: true });
    }
    return copy;
  }
  const copy = new Error(scrubText(cause.message, secrets), cause.cause === undefined ? undefined : { cause: scrubCause(cause.cause, secrets, depth + 1) });
  copy.name = scrubText(cause.name, secrets);
  const code = (cause as { code?: unknown }).code ?? (cause.cause as { code?: unknown } | undefined)?.code;
  if (code !== undefined) Object.assign(copy, { code: typeof code === 'string' ? scrubText(code, secrets) : code });
  if (cause.stack) copy.stack = scrubText(cause.stack, secrets);
  return copy;
}

/** One broken rule of a {@link ValidationError}. */
export interface Issue {
  /** Dotted path of the offending field (`Billing.Email`); empty for the whole input. */
  path: string;
  /** The rule that failed: `required`, `minimum`, `maxLength`, `format`, `enum`, `dependentRequired`… */
  rule: string;
  message: string;
}

/** The input broke the spec's rules; nothing was sent. */
export class ValidationError extends CreditkitError {
  readonly issues: Issue[];
  constructor(issues: Issue[], context: ErrorContext = {}) {
    const where = context.operation ? `${context.provider}.${context.operation}` : 'input';
    super(`Invalid ${where}: ${issues.map((i) => i.message).join('; ')}`, context);
    // The issues quote the bad values (`got "…"`): scrubbed like the message, or JSON and inspect would show them.
    this.issues = scrubData(issues, context.secrets);
  }
}

/**
 * A client was built with options it cannot use (an unknown environment, a bad baseUrl, a limit out of range).
 * `option` names the offending option when one is to blame. Its subclasses say what else went wrong: a missing
 * or unusable credential, or a runtime that cannot make the call.
 */
export class ConfigurationError extends CreditkitError {
  /** The client option to blame (`environment`, `baseUrl`, `apiKey`…), when one is. */
  readonly option?: string;
  constructor(message: string, context: ErrorContext & { option?: string } = {}) {
    super(message, context);
    if (context.option) this.option = context.option;
  }
}

/** A credential option, by its names only: the option and the env var it defaults from. Never a value. */
export interface CredentialName {
  /** The factory option (`apiKey`). */
  option: string;
  /** The environment variable it defaults from (`FUSEBILL_API_KEY`). */
  env?: string;
}

/** No value was given for these credentials, as an option or through their env var. */
export class MissingCredentialsError extends ConfigurationError {
  /** Every credential that is missing, by name. */
  readonly credentials: readonly CredentialName[];
  constructor(message: string, context: ErrorContext & { credentials?: readonly CredentialName[] } = {}) {
    const credentials = (context.credentials ?? []).map((c) => ({ ...c }));
    super(message, { ...context, option: credentials[0]?.option });
    this.credentials = credentials;
  }
}

/** A credential was given but cannot be sent as given (a line break, a character no header can carry). */
export class UnusableCredentialError extends ConfigurationError {
  /** The credential that cannot be sent, by name. */
  readonly credentials: readonly CredentialName[];
  constructor(message: string, context: ErrorContext & { credential?: CredentialName } = {}) {
    super(message, { ...context, option: context.credential?.option });
    this.credentials = context.credential ? [{ ...context.credential }] : [];
  }
}

/**
 * The client as assembled, or the runtime it runs in, cannot make this call: a GET with a body where only
 * WHATWG fetch exists, no codec for the media type, a fetch that follows redirects although asked not to.
 */
export class UnsupportedRuntimeError extends ConfigurationError {}

export interface ApiErrorInit extends ErrorContext {
  status: number;
  headers?: HeaderSource;
  body?: unknown;
  message?: string;
}

/** The server answered with an HTTP error status. */
export class ApiError extends CreditkitError {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly requestId?: string;
  /** How long the server asked us to wait (Retry-After and the provider's own hint headers), when it said so. */
  readonly retryAfterMs?: number;

  constructor(init: ApiErrorInit & { retryAfterMs?: number }) {
    // The body is scrubbed before it is summed up (and cut) for the message.
    const body = scrubData(init.body, init.secrets);
    const detail = init.message ?? summarizeBody(body, init.secrets);
    super(`${init.status}${detail ? ` ${detail}` : ''}`, init);
    this.status = init.status;
    this.headers = init.secrets?.headers(init.headers) ?? Object.fromEntries(headerEntries(init.headers));
    this.body = body;
    const requestId = headerOf(init.headers, 'x-request-id') ?? headerOf(init.headers, 'request-id') ?? headerOf(init.headers, 'x-correlation-id');
    if (requestId) this.requestId = scrubText(requestId, init.secrets);
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** Picks the subclass for a status, as Stainless SDKs do. */
  static from(init: ApiErrorInit & { retryAfterMs?: number }): ApiError {
    const { status } = init;
    if (status === 401) return new AuthenticationError(init);
    if (status === 403) return new PermissionDeniedError(init);
    if (status === 404) return new NotFoundError(init);
    if (status === 409) return new ConflictError(init);
    if (status === 429) return new RateLimitError(init);
    if (status >= 500) return new ServerError(init);
    return new ApiError(init);
  }
}

export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class ServerError extends ApiError {}

/** 429. `retryAfterMs` says when the server will take the call again, when it said so. */
export class RateLimitError extends ApiError {}

/** A 2xx whose body says the call failed (FinerWorks `status.success=false`, 2sms `Error`, Safe Creative `<error>`). */
export class ProviderError extends CreditkitError {
  readonly code: string;
  readonly body: unknown;
  readonly status: number;
  /**
   * Set when the failure is about the credentials, as a 401 (`authentication`) or 403 (`permission`) would be:
   * Safe Creative's `InvalidSignature` or `InsufficientLevel`, which arrive with HTTP 200.
   */
  readonly refused?: 'authentication' | 'permission';
  constructor(init: ErrorContext & { code: string; message: string; body?: unknown; status?: number; refused?: ProviderError['refused'] }) {
    super(`${init.code}: ${init.message}`, init);
    this.code = scrubText(init.code, init.secrets);
    this.status = init.status ?? 200;
    this.body = scrubData(init.body, init.secrets);
    if (init.refused) this.refused = init.refused;
  }
}

/** The response arrived but could not be read as the declared media type. */
export class DecodeError extends CreditkitError {
  /** The start of the raw body, for debugging. */
  readonly raw: string;
  readonly status?: number;
  constructor(message: string, init: ErrorContext & { raw?: string; status?: number }) {
    super(message, init);
    this.raw = clipText(init.raw ?? '', 2048, init.secrets);
    if (init.status !== undefined) this.status = init.status;
  }
}

/** No usable HTTP response. `requestSent` says whether the server may have seen the request. */
export class ConnectionError extends CreditkitError {
  readonly requestSent: boolean;
  readonly code?: string;
  constructor(message: string, init: ErrorContext & { requestSent: boolean; code?: string }) {
    super(message, init);
    this.requestSent = init.requestSent;
    if (init.code) this.code = scrubText(init.code, init.secrets);
  }
}

/** An attempt ran past `timeoutMs`, or the whole call past `totalTimeoutMs` (see `scope`). */
export class TimeoutError extends CreditkitError {
  /** `attempt`: one try ran past `timeoutMs`; `total`: the whole call ran past `totalTimeoutMs`. */
  readonly scope: 'attempt' | 'total';
  readonly timeoutMs: number;
  constructor(init: ErrorContext & { scope: 'attempt' | 'total'; timeoutMs: number }) {
    super(`${init.scope === 'total' ? 'Call' : 'Attempt'} timed out after ${init.timeoutMs} ms`, init);
    this.scope = init.scope;
    this.timeoutMs = init.timeoutMs;
  }
}

/** The caller's AbortSignal fired. Told apart from a timeout on purpose. */
export class AbortedError extends CreditkitError {}

/**
 * A non-idempotent purchase may or may not have been applied: the request left, and no answer says how (none
 * came back, or one that contradicts itself). It was NOT retried. Reconcile with the provider (see `reconcile`)
 * before trying again.
 */
export class OutcomeUnknownError extends CreditkitError {
  readonly attempts: number;
  /**
   * `input` is what was sent, its generated key included (2sms `PurchaseID`): resend that to reuse the key.
   * `answer`: the decoded body, when one came back in doubt (2sms: a filled `Error` beside a purchase `Detail`).
   */
  readonly reconcile: { method: string; path: string; input: unknown; hint: string; answer?: unknown };
  constructor(init: ErrorContext & { attempts: number; reconcile: OutcomeUnknownError['reconcile'] }) {
    super(`Outcome unknown for ${init.provider}.${init.operation}: the request was sent and no answer says whether it was applied (${describe(init.cause)}); not retried, to avoid a duplicate purchase. ${init.reconcile.hint}`, init);
    this.attempts = init.attempts;
    this.reconcile = scrubData(init.reconcile, init.secrets);
  }
}

/** An idempotent retry found the earlier attempt of the same call already applied (e.g. Fusebill 409 on its reference). */
export class AlreadyAppliedError extends CreditkitError {
  readonly idempotencyKey: string;
  constructor(init: ErrorContext & { idempotencyKey: string }) {
    super(`An earlier attempt of this call was applied (key ${init.idempotencyKey}); the server refused the repeat. Do not retry with a new key.`, init);
    this.idempotencyKey = scrubText(init.idempotencyKey, init.secrets);
  }
}

/**
 * Another worker holds this purchase intent (its lease is live) and did not finish within the wait bound. Nothing
 * was sent by this call. Try again later: the intent will be applied, failed or in doubt by then.
 */
export class IntentInFlightError extends CreditkitError {
  readonly intentId: string;
  /** When the holder's lease runs out (epoch ms): if it crashed, the intent is in doubt from then on. */
  readonly leaseExpiresAt: number;
  constructor(init: ErrorContext & { intentId: string; waitedMs: number; leaseExpiresAt: number }) {
    super(`Intent ${init.intentId} is being worked on by another worker (waited ${Math.round(init.waitedMs)} ms); nothing was sent by this call. Try again later.`, init);
    this.intentId = scrubText(init.intentId, init.secrets);
    this.leaseExpiresAt = init.leaseExpiresAt;
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function summarizeBody(body: unknown, secrets: Secrets | undefined): string {
  if (body === undefined || body === null || body === '') return '';
  return clipText(typeof body === 'string' ? body : JSON.stringify(body), 300, secrets);
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
