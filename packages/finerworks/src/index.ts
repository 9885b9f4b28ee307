// @creditkit/finerworks — FinerWorks v3 account credits. Everything but this file is generated from
// specs/finerworks.yaml; what lives here is what is truly FinerWorks' own: its error text.
/**
 * A typed client for FinerWorks v3 account credits, generated from `specs/finerworks.yaml`.
 *
 * @module
 */
import { defineProvider } from '@creditkit/core/internal';
import { platformTransport } from '@creditkit/core/node';
import { bindOperations } from './generated/client.js';
import type { FinerWorksGeneratedOptions } from './generated/options.js';
import { operations, spec } from './generated/provider.js';

export type * from './generated/client.js';

/** `webApiKey`, `appKey` and `environment`, all from the spec (generated/options.ts): FinerWorks adds none. */
export interface FinerWorksClientOptions extends FinerWorksGeneratedOptions {}

/** The FinerWorks provider, for `createRegistry` and the CLI: its spec, operations and `createClient`. */
export const provider = defineProvider<FinerWorksClientOptions>()(
  {
    spec,
    operations,
    transport: platformTransport,
    // FinerWorks errors carry their text in `status.message` (or ASP.NET's `Message`).
    errorMessage: (body) => {
      const b = body as { status?: { message?: unknown }; Message?: unknown } | undefined;
      const text = b?.status?.message ?? b?.Message;
      return typeof text === 'string' ? text : undefined;
    },
  },
  bindOperations,
);

/**
 * A typed FinerWorks client: one method per operation of the spec, plus `describe()` and `baseUrl`. Credentials
 * default from their env variables.
 */
export const createFinerWorksClient = provider.createClient;
/** The client {@link createFinerWorksClient} returns. */
export type FinerWorksClient = ReturnType<typeof createFinerWorksClient>;
