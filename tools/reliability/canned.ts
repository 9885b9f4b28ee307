// A provider's real client (validation, codecs, auth, signatures, decoding, error mapping) answered by a
// function instead of a server: an attempt plugin placed after every other one returns the canned response,
// so thousands of bodies go through the whole pipeline in milliseconds, without a socket.
import type { AttemptPlugin } from '@creditkit/core';
import type { Operation, ProviderCase } from './providers.js';

const CREDENTIALS: Record<string, Record<string, string>> = {
  finerworks: { webApiKey: 'canned-web-api-key', appKey: 'canned-app-key' },
  fusebill: { apiKey: 'MDpDQU5ORUQ=' },
  softwaredna: { clientId: 'C0000001', apiKey: 'canned-dna-key' },
  accountadmin: { clientId: 'canned-client', clientSecret: 'canned-secret' },
  safecreative: { authkey: 'canned-authkey', privateKey: 'canned-private-key' },
};

/** 2sms asks for a token through `fetch` first: this one always grants it. */
const grantToken: typeof fetch = async () => Response.json({ access_token: 'canned-token', token_type: 'bearer', expires_in: 3600 });

export function cannedClient(c: ProviderCase, respond: (request: Request) => Response): Operation {
  const base = { ...CREDENTIALS[c.id], ...c.options, baseUrl: 'https://canned.invalid', fetch: grantToken, maxRetries: 0 };
  const probe = c.createClient(base) as unknown as { describe(): { attempt: string[] } };
  const canned: AttemptPlugin = { name: 'reliability:canned', phase: 'attempt', after: probe.describe().attempt, middleware: async (request) => respond(request) };
  return c.createClient({ ...base, plugins: [canned] })[c.operation]!;
}
