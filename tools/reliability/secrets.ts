// Distinctive credentials for every provider, the forms a secret travels in, and where to look for them:
// everything a client and the simulators can show, except the credential fields themselves on the wire.
import type { ProviderSpec } from '@creditkit/core';
import { MOCK_CREDENTIALS, type MockCredentials, type RecordedRequest } from '@creditkit/mock';
import { providerPackages } from '../workspace/providers.js';

/**
 * The hand-picked values below for the providers they name; every other provider on the one provider list (a
 * new one, from the generator) gets values of the same kind built from its id and option names.
 */
function forEveryProvider(picked: Partial<MockCredentials>, make: (id: string, option: string) => string): MockCredentials {
  const all = Object.entries(MOCK_CREDENTIALS).map(([id, options]) => [id, picked[id as keyof MockCredentials] ?? Object.fromEntries(Object.keys(options).map((o) => [o, make(id, o)]))]);
  return Object.fromEntries(all) as MockCredentials;
}

/** Unique values (with characters that encode differently in URLs and forms) the simulators accept. */
export const SECRET_CREDENTIALS: MockCredentials = forEveryProvider({
  finerworks: { webApiKey: 'fwWEB-7c1e9a52 s3cr3t+/=', appKey: 'fwAPP-0d4b8e31&s3cr3t' },
  // Fusebill keys are base64("<digits>:<secret>") and sent verbatim.
  fusebill: { apiKey: Buffer.from('4711:fbSECRET-93ad51e0').toString('base64') },
  softwaredna: { clientId: 'C0098765', apiKey: 'dnaKEY-6b0f2c94e1' },
  accountadmin: { clientId: 'aaID-5e2f77c1', clientSecret: 'aaSECRET-b83c0d9e +/&=' },
  safecreative: { authkey: 'scAUTH-4f0a2b6d', privateKey: 'scPRIV-e19c73a5 &=+' },
}, (id, option) => `${id}-${option}-SECRET-7e3a91c0 +/=`);

/**
 * Credentials made to break a scrubber, each as its transport allows (header values are printable ASCII): the
 * credential registered first is a prefix of the next (a client id inside its secret), and the values carry
 * quotes, backslashes, `+`, `%`, spaces, `&`/`=` and non-ASCII.
 */
export const HOSTILE_CREDENTIALS: MockCredentials = forEveryProvider({
  // Headers: ASCII only. webApiKey (registered first) is a prefix of appKey.
  finerworks: { webApiKey: 'fwKEY-7c1e9a52', appKey: 'fwKEY-7c1e9a52 "q\\ +%21(x)*\'~&=/TAIL' },
  fusebill: { apiKey: Buffer.from('4711:fb"SECRET\\ +%é-93ad51e0').toString('base64') },
  // Basic: the password goes base64, so it may be anything; the user id is a prefix of it.
  softwaredna: { clientId: 'C0098765', apiKey: 'C0098765-dnaKEY "6b\\0f +%2B é€😀-tail' },
  // A form-encoded token request: the client id is a prefix of the secret.
  accountadmin: { clientId: 'aaID-5e2f77c1', clientSecret: 'aaID-5e2f77c1-SECRET "b\\+%é 0d9e&=TAIL' },
  // A signed query: the authkey travels percent-encoded; the private key only signs.
  safecreative: { authkey: 'scAUTH-4f0a "a\\+%é&', privateKey: 'scAUTH-4f0a "a\\+%é&-PRIVATE-e19c' },
  // Any other provider: printable ASCII (a header may carry it), quotes, a backslash, `+`, `%`, `&`, `=`.
}, (id, option) => `${id}-${option}-HOSTILE "q\\ +%21&=/TAIL`);

/**
 * Every secret credential, plus what is derived from them: software_DNA's Basic token, Fusebill's inner secret.
 * Client ids are identifiers, not secrets (the 2sms simulator even answers with one as the user id).
 */
export function secretValues(extra: readonly string[] = [], c: MockCredentials = SECRET_CREDENTIALS): string[] {
  const fusebillInner = Buffer.from(c.fusebill.apiKey, 'base64').toString('utf8').split(':').slice(1).join(':');
  return [
    ...Object.values(c).flatMap((p) => Object.entries(p).flatMap(([name, value]) => (name === 'clientId' ? [] : [value]))),
    Buffer.from(`${c.softwaredna.clientId}:${c.softwaredna.apiKey}`).toString('base64'),
    fusebillInner,
    ...extra,
  ];
}

const strictPercent = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
const json = (s: string) => JSON.stringify(s).slice(1, -1);
const asciiJson = (s: string) => json(s).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A secret as it may appear: as is, URL-encoded (`%20`, form `+`, `!'()*` encoded or not), JSON-escaped (also
 * as `\uXXXX`), XML-escaped, base64 and base64url.
 */
export function forms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [
    ...new Set([
      secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), strictPercent(secret), json(secret), asciiJson(secret),
      xmlText(secret), b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url'),
    ]),
  ];
}

/**
 * Pieces a leak could leave of a secret, from 8 characters: its head, middle and tail (a cut, or a shorter
 * secret replaced first, leaves one of them). Pieces inside an identifier (a client id is not secret) are skipped.
 */
export function pieces(secret: string, identifiers: readonly string[]): string[] {
  const middle = Math.floor(secret.length / 2);
  return [secret.slice(0, 8), secret.slice(middle - 4, middle + 4), secret.slice(-8)].filter((p) => p.length === 8 && p !== secret && !identifiers.some((id) => id.includes(p)));
}

/** The identifiers among the credentials (client ids), which may show. */
export const identifiers = (c: MockCredentials) => [c.softwaredna.clientId, c.accountadmin.clientId];

/** The headers that carry credentials by design: Basic and Bearer, and every API-key header of the providers' specs (FinerWorks' two keys…). */
const specs = await Promise.all(providerPackages().map(async (p) => ((await import(/* @vite-ignore */ p.name)) as { provider: { spec: ProviderSpec } }).provider.spec));
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  ...specs.flatMap((spec) => Object.values(spec.securitySchemes ?? {}).flatMap((s) => (s.type === 'apiKey' && s.in === 'header' && s.name ? [s.name.toLowerCase()] : []))),
]);

/** A recorded request without its credential fields: the Authorization and key headers, the 2sms token body, Safe Creative's authkey and signature. */
export function withoutCredentialFields(r: RecordedRequest): string {
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase())));
  const query = Object.fromEntries(Object.entries(r.query).filter(([k]) => !(r.provider === 'safecreative' && (k === 'authkey' || k === 'signature'))));
  const tokenRequest = r.provider === 'accountadmin' && r.path.toLowerCase() === '/token';
  return JSON.stringify({ ...r, headers, query, body: tokenRequest ? '(token request body: credentials by design)' : r.body });
}

/** `[where, secret]` for every form of every secret (and, given identifiers, of every piece of one) found in any of the texts. */
export function findSecrets(texts: Iterable<[where: string, text: string]>, secrets: readonly string[], ids?: readonly string[]): [string, string][] {
  const needles = [...new Set(secrets.flatMap((secret) => [...forms(secret), ...(ids ? pieces(secret, ids).flatMap((p) => [p, encodeURIComponent(p), json(p)]) : [])]))];
  const hits: [string, string][] = [];
  for (const [where, text] of texts) for (const needle of needles) if (text.includes(needle)) hits.push([where, needle]);
  return hits;
}

/** How many needles `findSecrets` looks for. */
export const needleCount = (secrets: readonly string[], ids?: readonly string[]) =>
  new Set(secrets.flatMap((secret) => [...forms(secret), ...(ids ? pieces(secret, ids).flatMap((p) => [p, encodeURIComponent(p), json(p)]) : [])])).size;
