// A provider's real client (validation, codecs, auth, signatures, decoding, error mapping) answered by a
// function instead of a server: the client's `transport` option swaps the send stage for one that returns the
// canned response, so thousands of bodies go through the whole pipeline in milliseconds, without a socket.
import type { Transport, WireRequest, WireResponse } from '@creditkit/core';
import { MOCK_CREDENTIALS } from '@creditkit/mock';
import type { Operation, ProviderCase } from './providers.js';

/** Credentials in the form each provider's checks accept; a provider not named here gets `canned-<option>`. */
const CREDENTIALS: Record<string, Record<string, string>> = {
  finerworks: { webApiKey: 'canned-web-api-key', appKey: 'canned-app-key' },
  fusebill: { apiKey: 'MDpDQU5ORUQ=' },
  softwaredna: { clientId: 'C0000001', apiKey: 'canned-dna-key' },
  accountadmin: { clientId: 'canned-client', clientSecret: 'canned-secret' },
  safecreative: { authkey: 'canned-authkey', privateKey: 'canned-private-key' },
};

const BASE_URL = 'https://canned.invalid';

/** 2sms asks for a token first: this one always grants it. */
const TOKEN: WireResponse = {
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json' },
  body: new TextEncoder().encode(JSON.stringify({ access_token: 'canned-token', token_type: 'bearer', expires_in: 3600 })),
};

/** `respond` answers with a WHATWG Response (convenient to write); it is read whole into the wire answer. */
export function cannedClient(c: ProviderCase, respond: (request: WireRequest) => Response): Operation {
  const transport: Transport = async (request) => {
    if (request.url === `${BASE_URL}/Token`) return TOKEN;
    const response = respond(request);
    return { status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) };
  };
  const credentials = CREDENTIALS[c.id] ?? Object.fromEntries(Object.keys(MOCK_CREDENTIALS[c.id]).map((option) => [option, `canned-${option}`]));
  const base = { ...credentials, ...c.options, baseUrl: BASE_URL, transport, maxRetries: 0 };
  return c.createClient(base)[c.operation]!;
}
