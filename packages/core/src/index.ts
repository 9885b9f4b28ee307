// `@creditkit/core`: what applications use: the registry, client and call options, the errors and their table,
// plugins at the pipeline's hook points, transports, and secret scrubbing. What provider packages build on is
// `@creditkit/core/internal`; `node:http` is `@creditkit/core/node`.
/**
 * What applications use: the registry ({@link createRegistry}), client and call options, the typed errors and their
 * table, plugins at the pipeline's hook points, transports, stores, and secret scrubbing. Each provider package
 * depends on it.
 *
 * @module
 */
export type { Client, ClientDescription, ClientOptions } from './client.js';
export type { AttemptContext, AttemptRecord, CallContext, CallOptions } from './context.js';
export type { ProviderClient } from './define-provider.js';
export {
  AbortedError, AlreadyAppliedError, ApiError, AuthenticationError, ConfigurationError, ConflictError, ConnectionError,
  CreditkitError, DecodeError, IntentInFlightError, MissingCredentialsError, NotFoundError, OutcomeUnknownError, PermissionDeniedError,
  ProviderError, RateLimitError, ServerError, TimeoutError, UnsupportedRuntimeError, UnusableCredentialError, ValidationError,
} from './errors.js';
export type { CredentialName, Issue } from './errors.js';
export { errorKindOf } from './error-kinds.js';
export type { ErrorKind, ErrorKindEntry, ExitStatus, RetryRule } from './error-kinds.js';
export type { HeaderMap } from './header-map.js';
export type { HookPoint, StageName } from './pipeline/stages.js';
export { HOOK_POINTS, STAGES } from './pipeline/stages.js';
export type { Plugin, PluginHooks, RetryInfo } from './plugin.js';
export type { Logger, LogLevel, LogLine } from './plugins/logger.js';
export type { RetryOptions } from './plugins/retry.js';
export { isSecretName, REDACTED, Secrets } from './redact.js';
export type { ProviderPlugin, Registry, RegistryOptions } from './registry.js';
export { createRegistry } from './registry.js';
export type * from './spec-types.js';
export { memoryStore } from './store/memory-store.js';
export type { ClaimResult, ListedRecord, ListQuery, StateStore, StoredRecord, StoredValue } from './store/state-store.js';
export type { QuotaOptions, QuotaWindow } from './store/quotas.js';
export { INTENT_PREFIX, INTENT_STATES, intentKey } from './store/intent-record.js';
export type { IntentAttempt, IntentState, IntentValue, StoredError } from './store/intent-record.js';
export type { CallEnd, CallOutcome, CallStart, CallTrace, Instrumenter, RequestErrorType, RequestStart } from './telemetry/instrumenter.js';
export { fetchTransport } from './transport/fetch-transport.js';
export type { Transport, TransportConfig, WireRequest, WireResponse } from './transport/transport.js';
