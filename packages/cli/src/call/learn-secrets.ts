// What the client derives from the credentials and sends (a Basic token, an OAuth2 bearer token the server
// issued, a request signature) is as secret as they are, and a server may echo it in a result, which core
// does not scrub (a result is data). This plugin's beforeSend hook sees each finished request (authorized and
// signed: the hook point comes after the authorize stage) and reads its credential headers and query fields into
// the command's Secrets before it leaves.
import { isSecretName, type Plugin, type Secrets } from '@creditkit/core';

export function learnSecretsPlugin(secrets: Secrets): Plugin {
  return {
    name: 'cli:learn-secrets',
    hooks: {
      beforeSend(request) {
        for (const [name, value] of Object.entries(request.headers)) {
          if (!isSecretName(name)) continue;
          secrets.add(value);
          // `Basic <token>`, `Bearer <token>`: the token alone too.
          secrets.add(/^(?:Basic|Bearer)\s+(\S+)$/i.exec(value)?.[1]);
        }
        for (const [name, value] of new URL(request.url).searchParams) if (isSecretName(name)) secrets.add(value);
        return undefined;
      },
    },
  };
}
