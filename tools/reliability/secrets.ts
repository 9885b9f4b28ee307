// Distinctive credentials for every provider, the forms a secret travels in, and where to look for them:
// everything a client and the simulators can show, except the credential fields themselves on the wire.
import type { MockCredentials, RecordedRequest } from '@creditkit/mock';

/** Unique values (with characters that encode differently in URLs and forms) the simulators accept. */
export const SECRET_CREDENTIALS: MockCredentials = {
  finerworks: { webApiKey: 'fwWEB-7c1e9a52 s3cr3t+/=', appKey: 'fwAPP-0d4b8e31&s3cr3t' },
  // Fusebill keys are base64("<digits>:<secret>") and sent verbatim.
  fusebill: { apiKey: Buffer.from('4711:fbSECRET-93ad51e0').toString('base64') },
  softwaredna: { clientId: 'C0098765', apiKey: 'dnaKEY-6b0f2c94e1' },
  accountadmin: { clientId: 'aaID-5e2f77c1', clientSecret: 'aaSECRET-b83c0d9e +/&=' },
  safecreative: { authkey: 'scAUTH-4f0a2b6d', privateKey: 'scPRIV-e19c73a5 &=+' },
};

/**
 * Every secret credential, plus what is derived from them: software_DNA's Basic token, Fusebill's inner secret.
 * Client ids are identifiers, not secrets (the 2sms simulator even answers with one as the user id).
 */
export function secretValues(extra: readonly string[] = []): string[] {
  const c = SECRET_CREDENTIALS;
  return [
    ...Object.values(c).flatMap((p) => Object.entries(p).flatMap(([name, value]) => (name === 'clientId' ? [] : [value]))),
    Buffer.from(`${c.softwaredna.clientId}:${c.softwaredna.apiKey}`).toString('base64'),
    'fbSECRET-93ad51e0',
    ...extra,
  ];
}

/** A secret as it may appear: as is, URL-encoded (`%20` and form `+`), base64. */
export function forms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), Buffer.from(secret).toString('base64')])];
}

/** The headers that carry credentials by design (FinerWorks' two keys, Basic and Bearer). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'web_api_key', 'app_key']);

/** A recorded request without its credential fields: the Authorization and key headers, the 2sms token body, Safe Creative's authkey and signature. */
export function withoutCredentialFields(r: RecordedRequest): string {
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase())));
  const query = Object.fromEntries(Object.entries(r.query).filter(([k]) => !(r.provider === 'safecreative' && (k === 'authkey' || k === 'signature'))));
  const tokenRequest = r.provider === 'accountadmin' && r.path.toLowerCase() === '/token';
  return JSON.stringify({ ...r, headers, query, body: tokenRequest ? '(token request body: credentials by design)' : r.body });
}

/** `[where, secret]` for every form of every secret found in any of the texts. */
export function findSecrets(texts: Iterable<[where: string, text: string]>, secrets: readonly string[]): [string, string][] {
  const hits: [string, string][] = [];
  for (const [where, text] of texts) for (const secret of secrets) for (const form of forms(secret)) if (text.includes(form)) hits.push([where, form]);
  return hits;
}
