// `@creditkit/core/internal`: what provider packages, the XML adapter and generated code build on. Not for
// applications: these names follow the provider packages of the same release and may change in any version.
// Applications import `@creditkit/core` (the registry, options, errors, plugins, transports).
/**
 * What provider packages, `@creditkit/xml` and generated code build on (`defineProvider`, `createClient`, codecs,
 * authorizers, the retry rules, timing helpers). **Not for applications**: these names follow the provider packages
 * of the same release and may change in any version. Documented for authors of provider packages.
 *
 * @module
 */
export { createClient } from './client.js';
export type { ProviderDefinition, ProviderSetup } from './client.js';
export { defineProvider } from './define-provider.js';
export type { ProviderPackageDefinition } from './define-provider.js';
export type { Codec } from './decode/codec.js';
export { essence } from './decode/codec.js';
export { headerOf } from './header-map.js';
export { conform } from './decode/conform.js';
export { inexactNumber } from './decode/exact-number.js';
export { jsonCodec } from './decode/json-codec.js';
export type { BodyFailure, ProviderHooks } from './decode/response.js';
export { base64, utf8Strict } from './encoding.js';
export type { Authorizer } from './pipeline/authorize.js';
export type { InDoubtRule } from './pipeline/result.js';
export type { RetryDecision } from './plugins/retry.js';
export { classify, outcomeUnknown } from './plugins/retry.js';
export { toIssues } from './plugins/validation.js';
export { readPointer } from './pointer.js';
export { fullJitter, retryHintMs, sleep, untilAborted } from './timing.js';
export type { ProviderQuotas, QuotaReading } from './store/quotas.js';
export type { SharedState } from './store/shared.js';
