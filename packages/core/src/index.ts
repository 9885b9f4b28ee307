export { createClient } from './client.js';
export { defineProvider } from './define-provider.js';
export type { ProviderClient, ProviderPackageDefinition } from './define-provider.js';
export type { Client, ClientOptions, ProviderDefinition, ProviderSetup } from './client.js';
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
export type { AttemptMiddleware, AttemptPlugin, CallMiddleware, CallPlugin, Next, Plugin } from './plugin.js';
export { compose, PluginOrderError, resolvePlugins } from './plugin.js';
export { oauth2ClientCredentialsPlugin } from './plugins/auth/oauth2.js';
export { idempotencyPlugin } from './plugins/idempotency.js';
export type { Logger, LogLevel, LogLine } from './plugins/logger.js';
export { loggerPlugin } from './plugins/logger.js';
export type { RetryDecision, RetryOptions } from './plugins/retry.js';
export { classify, outcomeUnknown, retryPlugin } from './plugins/retry.js';
export { timeoutPlugin } from './plugins/timeout.js';
export { toIssues, validationPlugin } from './plugins/validation.js';
export { readPointer } from './pointer.js';
export { isSecretName, REDACTED, Secrets } from './redact.js';
export type { ProviderPlugin, Registry } from './registry.js';
export { createRegistry } from './registry.js';
export type * from './spec-types.js';
export { fullJitter, retryHintMs, sleep, untilAborted } from './timing.js';
export { fetchTransport } from './transport/fetch-transport.js';
export type { Transport, TransportConfig } from './transport/transport.js';
export { base64, utf8Strict } from './encoding.js';
