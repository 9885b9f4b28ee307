// @creditkit/accountadmin — 2sms AccountAdmin PurchaseCredits. Everything but this folder's hand-written files
// is generated from specs/accountadmin.yaml: OAuth2 client credentials, the keyed PurchaseID, the `Error`
// body rule. What lives here: the XML codec and the `format` option.
import { type ClientOptions, defineProvider } from '@creditkit/core';
import { platformTransport } from '@creditkit/core/node';
import { xmlPlugin } from '@creditkit/xml';
import { type WireFormat, withFormat } from './format.js';
import { bindOperations } from './generated/client.js';
import { operations, spec } from './generated/provider.js';

export type * from './generated/client.js';
export type { WireFormat } from './format.js';

export interface AccountAdminClientOptions extends ClientOptions {
  /** OAuth2 client id. Default: env TWOSMS_CLIENT_ID. */
  clientId?: string;
  /** OAuth2 client secret. Default: env TWOSMS_CLIENT_SECRET. */
  clientSecret?: string;
  /** Body format on the wire, both ways: `json` (default) or `xml`. The decoded result is the same. */
  format?: WireFormat;
  /** `production` (https://portal.2sms.com), the only one. */
  environment?: keyof typeof spec.servers;
}

export const provider = defineProvider<AccountAdminClientOptions>()(
  { spec, operations, transport: platformTransport, plugins: () => [xmlPlugin()], prepareOptions: withFormat },
  bindOperations,
);

export const createAccountAdminClient = provider.createClient;
export type AccountAdminClient = ReturnType<typeof createAccountAdminClient>;
