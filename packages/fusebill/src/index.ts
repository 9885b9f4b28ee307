// @creditkit/fusebill — Fusebill (Stax Bill) tracked items on a purchase. Everything under generated/ comes
// from specs/fusebill.yaml; what lives here is truly Fusebill's own: its options, its error text and its
// rate-limit headers.
import { type ClientOptions, defineProvider } from '@creditkit/core';
import { platformTransport } from '@creditkit/core/node';
import { bindOperations } from './generated/client.js';
import { operations, spec } from './generated/provider.js';
import { type FusebillRateLimit, rateLimitObserver } from './rate-limit.js';

export type * from './generated/client.js';
export type { FusebillRateLimit, FusebillRateLimitWindow } from './rate-limit.js';
export { readRateLimit } from './rate-limit.js';

export interface FusebillClientOptions extends ClientOptions {
  /**
   * The API key exactly as Fusebill's admin UI shows it: it is already base64, and is sent verbatim as
   * `Authorization: Basic <apiKey>`. Default: env FUSEBILL_API_KEY.
   */
  apiKey?: string;
  /** `production` (default; sandbox accounts too, the key picks the account) or `staging` (older test accounts). */
  environment?: keyof typeof spec.servers;
  /** Called with the `X-Rate-Limit-*` headers of every response, successful or not. */
  onRateLimit?: (limits: FusebillRateLimit) => void;
}

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
    onResponse: ({ options }) => {
      const { onRateLimit } = options as FusebillClientOptions;
      return onRateLimit ? rateLimitObserver(onRateLimit) : undefined;
    },
  },
  bindOperations,
);

export const createFusebillClient = provider.createClient;
export type FusebillClient = ReturnType<typeof createFusebillClient>;
