// The seam between the pipeline and a tracing/metrics system: core calls an Instrumenter and never imports one.
// `@creditkit/core/otel` makes the OpenTelemetry one (the only file that imports `@opentelemetry/api`, an optional
// peer). With no instrumenter, a call does no telemetry work at all: no span, no clock read, no allocation.

/** What is known of a call when it starts. */
export interface CallStart {
  /** The provider id (`fusebill`). */
  readonly provider: string;
  /** The operation id (`createPurchaseProductItem`). */
  readonly operation: string;
  /** The operation's idempotency class (`safe`, `key`, `unsafe`). */
  readonly idempotency: string;
  /** The call's `intentId`, when it has one. */
  readonly intentId?: string | undefined;
}

/** How a call ended: its result (`applied`), a typed error (`failed`), or an OutcomeUnknownError (`in_doubt`). */
export type CallOutcome = 'applied' | 'failed' | 'in_doubt';

/** How a traced call ended, as {@link CallTrace.end} is told. */
export interface CallEnd {
  /** Applied, failed, or in doubt. */
  readonly outcome: CallOutcome;
  /** The error's class name (`RateLimitError`), when it failed. */
  readonly errorType?: string | undefined;
  /** The error's message, scrubbed of every secret the client holds. */
  readonly message?: string | undefined;
}

/** One HTTP request as it leaves: the operation's own, or a side request (an OAuth2 token, a server clock read). */
export interface RequestStart {
  readonly method: string;
  /** The full URL, scrubbed: no secret, no signature, no token (computed only for a span that records). */
  url(): string;
  /** The spec's path template (`/v1/credits/{productId}/{licenseId}`): only on the operation's own requests. */
  readonly urlTemplate?: string | undefined;
}

/** The low-cardinality reason a request failed without an answer: `timeout`, `aborted`, `connection`, or a class name. */
export type RequestErrorType = (error: unknown) => string;

/** The trace of one logical call, from its start to its outcome. */
export interface CallTrace {
  /** False when nothing records this call's spans (no SDK, or not sampled): core then skips the span work. */
  readonly recording: boolean;
  /** A fact the pipeline logged that belongs in a trace (a retry, a wait, a token fetch, a clock resync); fields scrubbed. */
  event(name: string, fields: Readonly<Record<string, unknown>>): void;
  /**
   * Runs one request inside its CLIENT span. `send` gets the headers to add (trace context, when propagation is on).
   * Returns what `send` returns, or throws what it throws.
   */
  request<T extends { readonly status: number }>(start: RequestStart, send: (extraHeaders: Readonly<Record<string, string>>) => Promise<T>, errorType: RequestErrorType): Promise<T>;
  /** Ends the call's trace with its outcome (once, after the last request). */
  end(end: CallEnd): void;
}

/** Makes the trace of each call of a client. `@creditkit/core/otel`'s `openTelemetry()` returns one. */
export interface Instrumenter {
  /** Shown in diagnostics (`opentelemetry`). */
  readonly name: string;
  /** The call's trace, or undefined when nothing would record it (no SDK): the call then does no telemetry work. */
  startCall(start: CallStart): CallTrace | undefined;
}

// On globalThis under a registered symbol, not in a module variable: an app that loads core twice (its CJS and its
// ESM build, the dual-package hazard) still has one default instrumenter.
const DEFAULT = Symbol.for('creditkit.telemetry.instrumenter.v1');
type Holder = { [DEFAULT]?: Instrumenter | undefined };

/** Sets the instrumenter of every client created without a `telemetry` option (`useOpenTelemetry()` calls it). */
export function setDefaultInstrumenter(instrumenter: Instrumenter | undefined): void {
  (globalThis as Holder)[DEFAULT] = instrumenter;
}

/** The instrumenter of a client: its `telemetry` option, else the process default, else none. */
export function instrumenterFor(option: Instrumenter | false | undefined): Instrumenter | undefined {
  if (option === false) return undefined;
  return option ?? (globalThis as Holder)[DEFAULT];
}
