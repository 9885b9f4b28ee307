// The auth plugins a provider needs, read from its spec's security schemes: API keys in headers or the
// query, HTTP Basic (user:password, or a token used verbatim), and OAuth2 client credentials.
import { base64 } from '../../encoding.js';
import { ConfigurationError } from '../../errors.js';
import type { AttemptContext } from '../../context.js';
import type { AttemptPlugin } from '../../plugin.js';
import type { Secrets } from '../../redact.js';
import type { ProviderSpec } from '../../spec-types.js';
import { checkHeaderValue, credentialFor, credentialOption } from './credentials.js';
import { oauth2ClientCredentialsPlugin } from './oauth2.js';

export interface AuthSetup {
  spec: ProviderSpec;
  credentials: Record<string, string>;
  secrets: Secrets;
  baseUrl: string;
  /** How a side request shared by several calls (an OAuth2 token) leaves: the client's transport and timeout. */
  sendShared: (request: Request, ctx: AttemptContext) => Promise<Response>;
}

export function authPluginsFromSpec(setup: AuthSetup, schemes: readonly string[]): AttemptPlugin[] {
  const { spec, credentials, secrets } = setup;
  return schemes.map((name): AttemptPlugin => {
    const scheme = spec.securitySchemes[name];
    if (!scheme) throw new ConfigurationError(`${spec.name}: unknown security scheme '${name}'`, { provider: spec.id });
    const base = { name: `auth:${name}`, phase: 'attempt' as const, after: ['timeout'], tags: ['auth'] };
    if (scheme.type === 'apiKey' && scheme.in === 'header') {
      const option = credentialOption(spec, name);
      const value = credentials[option]!;
      checkHeaderValue(spec, option, scheme.name!, value);
      return { ...base, middleware: (request, next) => next(withHeader(request, scheme.name!, value)) };
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
      return { ...base, middleware: (request, next) => next(withHeader(request, 'authorization', `Basic ${token}`)) };
    }
    if (scheme.type === 'oauth2' && scheme.tokenUrl) {
      const tokenUrl = /^https?:/.test(scheme.tokenUrl) ? scheme.tokenUrl : `${setup.baseUrl}${scheme.tokenUrl}`;
      return oauth2ClientCredentialsPlugin({
        scheme: name,
        tokenUrl,
        clientId: credentialFor(spec, credentials, name, 'clientId'),
        clientSecret: credentialFor(spec, credentials, name, 'clientSecret'),
        send: setup.sendShared,
      });
    }
    throw new ConfigurationError(`${spec.name}: security scheme '${name}' (${scheme.type}) needs a provider-specific auth plugin`, { provider: spec.id });
  });
}

/** Headers of a Request are mutable until it is sent; setting them keeps its body untouched. */
function withHeader(request: Request, name: string, value: string): Request {
  request.headers.set(name, value);
  return request;
}
