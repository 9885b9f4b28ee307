// @creditkit/fusebill — Fusebill (Stax Bill) tracked items on a purchase. Everything under generated/ comes
// from specs/fusebill.yaml; what lives here is truly Fusebill's own: its `onRateLimit` option, its error text
// and its rate-limit headers.
/**
 * A typed client for Fusebill (Stax Bill) tracked items on a purchase, generated from `specs/fusebill.yaml`, with
 * its rate-limit headers.
 *
 * @module
 */
import { defineProvider } from '@creditkit/core/internal';
import { platformTransport } from '@creditkit/core/node';
import { bindOperations } from './generated/client.js';
import type { FusebillGeneratedOptions } from './generated/options.js';
import { operations, spec } from './generated/provider.js';
import { type FusebillRateLimit, quotaReading, rateLimitObserver, readRateLimit } from './rate-limit.js';

export type * from './generated/client.js';
export type { FusebillRateLimit, FusebillRateLimitWindow } from './rate-limit.js';
export { readRateLimit } from './rate-limit.js';

/** `apiKey` and `environment` come from the spec (generated/options.ts); the rest is Fusebill's own. */
export interface FusebillClientOptions extends FusebillGeneratedOptions {
  /** Called with the `X-Rate-Limit-*` headers of every response, successful or not. */
  onRateLimit?: (limits: FusebillRateLimit) => void;
}

/** The Fusebill provider, for `createRegistry` and the CLI: its spec, operations and `createClient`. */
export const provider = defineProvider<FusebillClientOptions>()(
  {
    spec,
    operations,
    transport: platformTransport,
    // Fusebill errors list their messages in `Errors[].Value`.
    errorMessage: (body) => {
      const errors = (body as { Errors?: unknown } | undefined)?.Errors;
      if (!Array.isArray(errors)) return undefined;
      const values = errors.map((e) => (e as { Value?: unknown } | null)?.Value).filter((v): v is string => typeof v === 'string');
      return values.length ? values.join(', ') : undefined;
    },
    // Proactive quotas learn both budgets, and what is left of them, from every answer.
    quotas: { read: (response) => quotaReading(readRateLimit(response.headers)) },
    onResponse: ({ options }) => {
      const { onRateLimit } = options as FusebillClientOptions;
      return onRateLimit ? rateLimitObserver(onRateLimit) : undefined;
    },
  },
  bindOperations,
);

/**
 * A typed Fusebill client: one method per operation of the spec, plus `describe()` and `baseUrl`. Credentials default
 * from their env variables.
 */
export const createFusebillClient = provider.createClient;
/** The client {@link createFusebillClient} returns. */
export type FusebillClient = ReturnType<typeof createFusebillClient>;
