// @creditkit/accountadmin — 2sms AccountAdmin PurchaseCredits. Everything but this folder's hand-written files
// is generated from specs/accountadmin.yaml: OAuth2 client credentials, the PurchaseID key, the `Error` body
// rule. What lives here: the XML codec, the `format` option, the `purchaseIdDeduplicated` assertion and the
// rule for an answer that is both a failure and a purchase.
/**
 * A typed client for 2sms AccountAdmin `PurchaseCredits` (OAuth2 client credentials, JSON or XML bodies), generated
 * from `specs/accountadmin.yaml`.
 *
 * @module
 */
import { defineProvider } from '@creditkit/core/internal';
import { platformTransport } from '@creditkit/core/node';
import { xmlCodec } from '@creditkit/xml';
import { type WireFormat, withFormat } from './format.js';
import { bindOperations } from './generated/client.js';
import type { AccountAdminGeneratedOptions } from './generated/options.js';
import { operations, spec } from './generated/provider.js';
import { answerInDoubt } from './in-doubt.js';
import { assertsDeduplication, withDeduplicatedPurchaseId } from './purchase-id.js';

export type * from './generated/client.js';
export type { WireFormat } from './format.js';

/** `clientId`, `clientSecret` and `environment` come from the spec (generated/options.ts); the rest is 2sms' own. */
export interface AccountAdminClientOptions extends AccountAdminGeneratedOptions {
  /** Body format on the wire, both ways: `json` (default) or `xml`. The decoded result is the same. */
  format?: WireFormat;
  /**
   * Asserts that 2sms answers a repeated `PurchaseID` with the original purchase instead of buying again. Nothing
   * public documents it: set it only once 2sms has confirmed it for your account. Then a purchase is retried after
   * an ambiguous failure (a dropped connection, a timeout, a 5xx, an unreadable answer), with the same PurchaseID.
   * Default `false`: never resent automatically; the `OutcomeUnknownError`'s `reconcile.input` carries the
   * PurchaseID that was sent, so a deliberate resend can reuse it.
   */
  purchaseIdDeduplicated?: boolean;
}

const definition = {
  spec,
  operations,
  transport: platformTransport,
  codecs: { 'application/xml': xmlCodec },
  inDoubt: answerInDoubt,
  prepareOptions: (options: AccountAdminClientOptions) => {
    const { purchaseIdDeduplicated: _asserted, ...rest } = withFormat(options);
    return rest;
  },
};

const asDocumented = defineProvider<AccountAdminClientOptions>()(definition, bindOperations);
const asAsserted = defineProvider<AccountAdminClientOptions>()(definition, (client) => bindOperations(withDeduplicatedPurchaseId(client)));

/** The 2sms AccountAdmin provider, for `createRegistry` and the CLI: its spec, operations and `createClient`. */
export const provider: typeof asDocumented = {
  ...asDocumented,
  createClient: (options) => (assertsDeduplication(options) ? asAsserted : asDocumented).createClient(options),
};

/**
 * A typed 2sms AccountAdmin client: one method per operation of the spec, plus `describe()` and `baseUrl`. Credentials
 * default from their env variables.
 */
export const createAccountAdminClient = provider.createClient;
/** The client {@link createAccountAdminClient} returns. */
export type AccountAdminClient = ReturnType<typeof createAccountAdminClient>;
