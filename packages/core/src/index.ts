export { createClient } from './client.js';
export { defineProvider } from './define-provider.js';
export type { ProviderClient, ProviderPackageDefinition } from './define-provider.js';
export type { Client, ClientDescription, ClientOptions, ProviderDefinition, ProviderSetup } from './client.js';
export type { AttemptContext, AttemptRecord, CallContext, CallOptions } from './context.js';
export type { Codec } from './decode/codec.js';
export { essence } from './decode/codec.js';
export { conform } from './decode/conform.js';
export { inexactNumber } from './decode/exact-number.js';
export { jsonCodec } from './decode/json-codec.js';
export type { BodyFailure, ProviderHooks } from './decode/response.js';
export {
  AbortedError, AlreadyAppliedError, ApiError, AuthenticationError, ConfigurationError, ConflictError, ConnectionError,
  CreditkitError, DecodeError, NotFoundError, OutcomeUnknownError, PermissionDeniedError, ProviderError, RateLimitError,
  MissingCredentialsError, ServerError, TimeoutError, UnsupportedRuntimeError, UnusableCredentialError, ValidationError,
} from './errors.js';
export type { CredentialName, Issue } from './errors.js';
export { errorKindOf } from './error-kinds.js';
export type { ErrorKind, ErrorKindEntry, ExitStatus, RetryRule } from './error-kinds.js';
export type { HeaderMap } from './header-map.js';
export type { Authorizer } from './pipeline/authorize.js';
export type { InDoubtRule } from './pipeline/result.js';
export type { HookPoint, StageName } from './pipeline/stages.js';
export { HOOK_POINTS, STAGES } from './pipeline/stages.js';
export type { Plugin, PluginHooks, RetryInfo } from './plugin.js';
export type { Logger, LogLevel, LogLine } from './plugins/logger.js';
export type { RetryDecision, RetryOptions } from './plugins/retry.js';
export { classify, outcomeUnknown } from './plugins/retry.js';
export { toIssues } from './plugins/validation.js';
export { readPointer } from './pointer.js';
export { isSecretName, REDACTED, Secrets } from './redact.js';
export type { ProviderPlugin, Registry, RegistryOptions } from './registry.js';
export { createRegistry } from './registry.js';
export type * from './spec-types.js';
export { fullJitter, retryHintMs, sleep, untilAborted } from './timing.js';
export { fetchTransport } from './transport/fetch-transport.js';
export type { Transport, TransportConfig, WireRequest, WireResponse } from './transport/transport.js';
export { base64, utf8Strict } from './encoding.js';
