// The authorizers a provider needs, read from its spec's security schemes: API keys in headers, HTTP Basic
// (user:password, or a token used verbatim), and OAuth2 client credentials.
import type { AttemptContext } from '../../context.js';
import { base64 } from '../../encoding.js';
import { ConfigurationError, UnsupportedRuntimeError } from '../../errors.js';
import { type Authorizer, withHeader } from '../../pipeline/authorize.js';
import type { Secrets } from '../../redact.js';
import type { ProviderSpec } from '../../spec-types.js';
import type { WireRequest, WireResponse } from '../../transport/transport.js';
import { checkHeaderValue, credentialFor, credentialOption } from './credentials.js';
import { oauth2ClientCredentials } from './oauth2.js';
import type { SharedState } from '../../store/shared.js';

export interface AuthSetup {
  spec: ProviderSpec;
  credentials: Record<string, string>;
  secrets: Secrets;
  baseUrl: string;
  /** How a side request shared by several calls (an OAuth2 token) leaves: the client's transport and timeout. */
  sendShared: (request: WireRequest, ctx: AttemptContext) => Promise<WireResponse>;
  /** What the account's workers share (the token), when the client was given a store. */
  shared?: SharedState;
}

export function authorizersFromSpec(setup: AuthSetup, schemes: readonly string[]): Authorizer[] {
  const { spec, credentials, secrets } = setup;
  return schemes.map((name): Authorizer => {
    const scheme = spec.securitySchemes[name];
    if (!scheme) throw new ConfigurationError(`${spec.name}: unknown security scheme '${name}'`, { provider: spec.id });
    const base = { name: `auth:${name}` };
    if (scheme.type === 'apiKey' && scheme.in === 'header') {
      const option = credentialOption(spec, name);
      const value = credentials[option]!;
      checkHeaderValue(spec, option, scheme.name!, value);
      return { ...base, authorize: (request) => withHeader(request, scheme.name!, value) };
    }
    if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
      const verbatim = (scheme.extension as { basic?: string } | undefined)?.basic === 'verbatim';
      if (verbatim) {
        const option = credentialOption(spec, name, 'token');
        checkHeaderValue(spec, option, 'authorization', credentials[option]!);
      }
      const token = verbatim
        ? credentialFor(spec, credentials, name, 'token')
        : base64(`${credentialFor(spec, credentials, name, 'username')}:${credentialFor(spec, credentials, name, 'password')}`);
      secrets.add(token);
      return { ...base, authorize: (request) => withHeader(request, 'authorization', `Basic ${token}`) };
    }
    if (scheme.type === 'oauth2' && scheme.tokenUrl) {
      const tokenUrl = /^https?:/.test(scheme.tokenUrl) ? scheme.tokenUrl : `${setup.baseUrl}${scheme.tokenUrl}`;
      return oauth2ClientCredentials({
        scheme: name,
        tokenUrl,
        clientId: credentialFor(spec, credentials, name, 'clientId'),
        clientSecret: credentialFor(spec, credentials, name, 'clientSecret'),
        send: setup.sendShared,
        shared: setup.shared,
      });
    }
    throw new UnsupportedRuntimeError(`${spec.name}: security scheme '${name}' (${scheme.type}) needs a provider-specific auth plugin`, { provider: spec.id });
  });
}
