// @creditkit/safecreative — Safe Creative v2 `user.newsale`. Generated from specs/safecreative.yaml except
// what is truly Safe Creative's own: the signed query (with its clock resync) and the error documents.
/**
 * A typed client for Safe Creative v2 `user.newsale` (signed queries, XML answers), generated from
 * `specs/safecreative.yaml`.
 *
 * @module
 */
import { defineProvider } from '@creditkit/core/internal';
import { platformTransport } from '@creditkit/core/node';
import { xmlCodec } from '@creditkit/xml';
import { safeCreativeError } from './errors.js';
import { bindOperations } from './generated/client.js';
import type { SafeCreativeGeneratedOptions } from './generated/options.js';
import { operations, spec } from './generated/provider.js';
import { signedQueryAuthorizer } from './signed-query.js';

export type * from './generated/client.js';
export { sign, stringToSign } from './signature.js';

/** `authkey`, `privateKey` and `environment`, all from the spec (generated/options.ts): Safe Creative adds none. */
export interface SafeCreativeClientOptions extends SafeCreativeGeneratedOptions {}

/** The Safe Creative provider, for `createRegistry` and the CLI: its spec, operations and `createClient`. */
export const provider = defineProvider<SafeCreativeClientOptions>()(
  {
    spec,
    operations,
    transport: platformTransport,
    codecs: { 'application/xml': xmlCodec },
    authorize: ({ credentials, sendShared, shared }) => [signedQueryAuthorizer({ authkey: credentials.authkey!, privateKey: credentials.privateKey!, sendShared, shared })],
    detectError: safeCreativeError,
  },
  bindOperations,
);

/**
 * A typed Safe Creative client: one method per operation of the spec, plus `describe()` and `baseUrl`. Credentials
 * default from their env variables.
 */
export const createSafeCreativeClient = provider.createClient;
/** The client {@link createSafeCreativeClient} returns. */
export type SafeCreativeClient = ReturnType<typeof createSafeCreativeClient>;
