// What the client derives from the credentials and sends (a Basic token, an OAuth2 bearer token the server
// issued, a request signature) is as secret as they are, and a server may echo it in a result, which core
// does not scrub (a result is data). This attempt plugin, placed after every other one, reads each finished
// request's credential headers and query fields into the command's Secrets before it leaves.
import { type AttemptPlugin, isSecretName, type Secrets } from '@creditkit/core';

export function learnSecretsPlugin(secrets: Secrets, after: readonly string[]): AttemptPlugin {
  return {
    name: 'cli:learn-secrets',
    phase: 'attempt',
    after,
    middleware: (request, next) => {
      for (const [name, value] of request.headers) {
        if (!isSecretName(name)) continue;
        secrets.add(value);
        // `Basic <token>`, `Bearer <token>`: the token alone too.
        secrets.add(/^(?:Basic|Bearer)\s+(\S+)$/i.exec(value)?.[1]);
      }
      for (const [name, value] of new URL(request.url).searchParams) if (isSecretName(name)) secrets.add(value);
      return next(request);
    },
  };
}
