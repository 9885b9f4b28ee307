// @creditkit/softwaredna — software_DNA credits query. Everything under generated/ comes from
// specs/softwaredna.yaml; what lives here is truly software_DNA's own: its error text and the
// transport its GET-with-a-body needs.
/**
 * A typed client for software_DNA credits, generated from `specs/softwaredna.yaml`.
 *
 * @module
 */
import { defineProvider } from '@creditkit/core/internal';
import { nodeHttpTransport } from '@creditkit/core/node';
import { bindOperations } from './generated/client.js';
import type { SoftwareDnaGeneratedOptions } from './generated/options.js';
import { operations, spec } from './generated/provider.js';
import { periodSpent } from './rate-limit.js';

export type * from './generated/client.js';

/** `clientId`, `apiKey` and `environment`, all from the spec (generated/options.ts): software_DNA adds none. */
export interface SoftwareDnaClientOptions extends SoftwareDnaGeneratedOptions {}

/** The software_DNA provider, for `createRegistry` and the CLI: its spec, operations and `createClient`. */
export const provider = defineProvider<SoftwareDnaClientOptions>()(
  {
    spec,
    operations,
    // The credits query is a GET with a JSON body, which WHATWG fetch cannot send; in browsers this import
    // resolves to a stub that throws an UnsupportedRuntimeError before anything is sent.
    transport: nodeHttpTransport,
    // Its budget per period is undocumented: a 429 says only how long until the period ends (X-RateLimit-Reset, in
    // seconds), so proactive quotas count requests and learn the budget from the first 429.
    quotas: { revealedByRefusal: true, read: periodSpent },
    // software_DNA errors are ASP.NET's `{"Message": "..."}`.
    errorMessage: (body) => {
      const message = (body as { Message?: unknown } | undefined)?.Message;
      return typeof message === 'string' ? message : undefined;
    },
  },
  bindOperations,
);

/**
 * A typed software_DNA client: one method per operation of the spec, plus `describe()` and `baseUrl`. Credentials
 * default from their env variables.
 */
export const createSoftwareDnaClient = provider.createClient;
/** The client {@link createSoftwareDnaClient} returns. */
export type SoftwareDnaClient = ReturnType<typeof createSoftwareDnaClient>;
