// Secret hygiene across all five providers: credentials made to break a scrubber (a client id that is a prefix
// of its secret; quotes, backslashes, `+`, `%`, spaces, non-ASCII), every operation through every error path
// (success, validation, auth, 404/409/429/5xx, provider error, decode error, outcome unknown, timeout,
// truncation, refused connection) at debug level, with servers that echo the secrets back in every form
// (raw, URL- and form-encoded, JSON- and XML-escaped, base64, in bodies and headers) and texts cut right inside
// a secret (a 60-character input preview, a 2 KiB raw body, an XML quote, V8's JSON snippet). No form of any
// secret, nor any 8-character piece of one, may appear in a log line, an error (message, String, JSON, inspect,
// requestId, headers, body, cause chain, reconcile) or the requests the simulators received — except the
// credential fields themselves.
import { CreditkitError, type LogLine } from '@creditkit/core';
import { type Fault, type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorForms } from './error-forms.js';
import { CASES, clientFor, liftRateLimits, type ProviderCase } from './providers.js';
import { findSecrets, HOSTILE_CREDENTIALS, identifiers, needleCount, secretValues, withoutCredentialFields } from './secrets.js';

const CREDENTIALS = HOSTILE_CREDENTIALS;
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ credentials: CREDENTIALS, keepRequests: 100_000 });
});
afterAll(() => mock.close());

const isXml = (c: ProviderCase) => c.id === 'safecreative' || c.options.format === 'xml';
const deep = (depth: number, inner: string) => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

const b64 = (s: string) => Buffer.from(s).toString('base64');
/** Every form a careless server may echo a value in, as text. */
const written = (s: string) => [s, encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2), b64(s), Buffer.from(s).toString('base64url')];
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** What a client of `c` holds: its credentials, and the Basic token it derives (software_DNA). */
function held(c: ProviderCase): string[] {
  const own = Object.values(CREDENTIALS[c.id]);
  return c.id === 'softwaredna' ? [...own, b64(`${CREDENTIALS.softwaredna.clientId}:${CREDENTIALS.softwaredna.apiKey}`)] : own;
}
/** Echo headers: a request id that is a key (percent-encoded: a header is ASCII), and the key as is where it can be. */
function echoHeaders(c: ProviderCase): Record<string, string> {
  const [first] = held(c).slice(-1);
  const printable = held(c).filter((s) => /^[\x20-\x7e]+$/.test(s));
  return { 'x-request-id': `req-${encodeURIComponent(first!)}`, ...(printable.length ? { 'x-echo': printable.join(' ') } : {}) };
}

/** An error body that echoes every secret of the case in every form, in the case's own media type, as careless servers do. */
function echo(c: ProviderCase, status: number, headers: Record<string, string> = {}): Fault {
  const secrets = held(c);
  if (isXml(c)) {
    const items = secrets.flatMap((s) => written(s).map((w) => `<key>${xmlText(w)}</key><raw><![CDATA[${w}]]></raw>`)).join('');
    const body = `<error><errorId>Echo</errorId><errorMessage>bad key ${xmlText(secrets.at(-1)!)}</errorMessage>${items}</error>`;
    return { kind: 'status', status, headers: { 'content-type': 'application/xml', ...echoHeaders(c), ...headers }, body };
  }
  const last = secrets.at(-1)!;
  return {
    kind: 'status',
    status,
    headers: { ...echoHeaders(c), ...headers },
    body: JSON.stringify({ Message: `bad key ${last}`, key: last, apiKey: last, echoes: secrets.flatMap(written), [last]: 'as a key', deep: JSON.parse(deep(25, JSON.stringify(last))) }),
  };
}

/** A 200 in the case's media type that cannot be decoded, with a secret starting `at` characters in: cut at 2 KiB. */
function brokenAt(c: ProviderCase, at: number): Fault {
  const secret = held(c).at(-1)!;
  const body = isXml(c) ? `<error><x>${'p'.repeat(at - 10)}${xmlText(secret)}</x><unclosed>` : `{"x":"${'p'.repeat(at - 6)}${JSON.stringify(secret).slice(1, -1)}", broken`;
  return { kind: 'status', status: 200, headers: { 'content-type': isXml(c) ? 'application/xml' : 'application/json' }, body };
}

/** A 200 whose body says the call failed, echoing the secret (where the provider has such bodies). */
const providerFailure: Record<string, (secret: string) => Fault> = {
  // (each echoes the case's last secret, with quotes and backslashes JSON- or XML-escaped as the format needs)
  finerworks: (s) => ({ kind: 'status', status: 200, body: JSON.stringify({ product_id: 0, status: { success: false, status_code: 403, message: `key ${s} may not`, debug: s } }) }),
  'accountadmin (json)': (s) => ({ kind: 'status', status: 200, body: JSON.stringify({ Error: { ErrorCode: `Denied ${s}`, ErrorReason: `key ${s}` }, ResponseData: null }) }),
  'accountadmin (xml)': (s) => ({ kind: 'status', status: 200, headers: { 'content-type': 'application/xml' }, body: `<ResponseOfPurchase><Error><ErrorCode>Denied ${xmlText(s)}</ErrorCode><ErrorReason>key ${xmlText(s)}</ErrorReason></Error></ResponseOfPurchase>` }),
  safecreative: (s) => ({ kind: 'status', status: 200, headers: { 'content-type': 'application/xml', 'x-request-id': encodeURIComponent(s) }, body: `<error><errorId>Denied ${xmlText(s)}</errorId><errorMessage>key ${xmlText(s)}</errorMessage></error>` }),
};

/** A field whose checks quote the bad value back in the ValidationError: we pass the secret there. */
const quotingField: Record<string, string> = { finerworks: 'amount', fusebill: 'purchaseId', softwaredna: 'Target', accountadmin: 'PurchaseID', safecreative: 'service' };

interface Path {
  name: string;
  /** The input itself carries a secret to the server: that path's requests are the user's doing, not searched. */
  sendsSecret?: boolean;
  input?: (c: ProviderCase, secret: string) => unknown;
  fault?: (c: ProviderCase, secret: string) => Fault | undefined;
  options?: (c: ProviderCase) => Record<string, unknown>;
}

const WRONG = 'wrong-credential-7d1c0e55';
const last = (c: ProviderCase) => held(c).at(-1)!;
const PATHS: Path[] = [
  { name: 'success' },
  { name: 'validation', input: (c, s) => ({ ...c.input('v'), [quotingField[c.id]!]: s }) },
  // The preview of a bad value is cut at 60 characters: here the cut falls inside the secret.
  ...[36, 44, 50].map((pad): Path => ({ name: `validation cut ${pad}`, input: (c, s) => ({ ...c.input('v'), [quotingField[c.id]!]: `${'p'.repeat(pad)}${s}` }) })),
  { name: 'auth failure', options: (c) => Object.fromEntries(Object.keys(CREDENTIALS[c.id]).map((k) => [k, `${WRONG}-${k}`])) },
  { name: '400 echo in headers', fault: (c) => ({ kind: 'status', status: 400, headers: { ...echoHeaders(c), ...(isXml(c) ? { 'content-type': 'application/xml' } : {}) }, body: isXml(c) ? '<error><errorId>X</errorId></error>' : '{}' }) },
  { name: '404', fault: (c) => echo(c, 404) },
  { name: '409', fault: (c) => echo(c, 409) },
  { name: '429 after retries', fault: (c) => echo(c, 429, { 'retry-after-ms': '1' }) },
  { name: '500', fault: (c) => echo(c, 500) },
  { name: 'provider error', fault: (c) => providerFailure[c.label]?.(last(c)) },
  { name: 'decode error', fault: () => ({ kind: 'malformed-after' }) },
  // The raw body an error keeps is cut at 2 KiB: here the cut falls inside the secret.
  ...[2030, 2040, 2046].map((at): Path => ({ name: `decode cut ${at}`, fault: (c) => brokenAt(c, at) })),
  { name: 'wrong content type', fault: (c) => ({ kind: 'content-type', contentType: 'text/html', body: `<html>${written(last(c)).join(' ')}</html>` }) },
  // V8 quotes 10 characters of a JSON text it cannot parse: here they are the secret's head.
  { name: 'JSON snippet', fault: (c) => (isXml(c) ? undefined : { kind: 'status', status: 200, headers: { 'content-type': 'application/json' }, body: `{"a":1,"b":${last(c)}}` }) },
  // The XML decoder quotes a bad number: here the number is a padded secret.
  ...[20, 30].map((pad): Path => ({
    name: `XML quote ${pad}`,
    fault: (c) => (c.label === 'accountadmin (xml)' ? { kind: 'status', status: 200, headers: { 'content-type': 'application/xml' }, body: `<ResponseOfPurchase><ResponseData><Detail><GrossTotal>${'9'.repeat(pad)}${xmlText(last(c))}</GrossTotal></Detail></ResponseData></ResponseOfPurchase>` } : undefined),
  })),
  { name: 'outcome unknown', fault: () => ({ kind: 'reset-after' }) },
  // The reconcile data quotes the input: here the input carries the secret.
  { name: 'outcome unknown, secret in input', sendsSecret: true, input: (c, s) => c.input(s), fault: () => ({ kind: 'reset-after' }) },
  { name: 'truncated', fault: () => ({ kind: 'truncate-after' }) },
  { name: 'timeout', fault: () => ({ kind: 'latency', ms: 400 }), options: () => ({ timeoutMs: 100, maxRetries: 0 }) },
  { name: 'refused', options: () => ({ baseUrl: 'http://127.0.0.1:9/nothing-listens', maxRetries: 0 }) },
];

const stats: string[] = [];
let checks = 0;
afterAll(() => console.log(`secret hygiene:\n  ${stats.join('\n  ')}\n  total: ${checks} checks`));

describe('secret hygiene across providers', () => {
  it.each(CASES.map((c) => [c.label, c] as const))('%s: no secret in logs, errors or non-credential request fields', async (label, c) => {
    mock.reset();
    liftRateLimits(mock);
    const texts: [string, string][] = [];
    let errors = 0;
    let ran = 0;
    const searched: typeof mock.requests = [];
    for (const path of PATHS) {
      const sentBefore = mock.requests.length;
      const secret = last(c);
      const fault = path.fault?.(c, secret);
      if (path.fault && !fault) continue;
      ran++;
      mock.faults.clear();
      // On the operation only: 2sms's token request goes through, so the fault meets the purchase.
      if (fault) mock.faults.add({ provider: c.id, ...(c.id === 'accountadmin' ? { path: 'PurchaseCredits' } : {}), fault, times: Number.POSITIVE_INFINITY });
      const log = (level: string) => (message: string, line: LogLine) => texts.push([`${path.name} log ${level}`, `${message} ${JSON.stringify(line)}`]);
      const call = clientFor(c, mock, {
        logLevel: 'debug',
        logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
        retry: { baseDelayMs: 1, maxDelayMs: 2 },
        ...path.options?.(c),
      });
      const error = await call(path.input ? path.input(c, secret) : c.input(`hygiene-${path.name}`)).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (path.name !== 'success') expect(error, `${label} ${path.name}`).toBeInstanceOf(CreditkitError);
      if (error !== undefined) {
        errors++;
        for (const form of errorForms(error)) texts.push([`${path.name} error`, form]);
      }
      if (!path.sendsSecret) searched.push(...mock.requests.slice(sentBefore));
    }
    // 2sms's bearer token is a secret too, once issued: it must show only in the Authorization header.
    const tokens = mock.requests.flatMap((r) => /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''))?.slice(1) ?? []);
    for (const r of searched) texts.push([`request ${r.method} ${r.path}`, withoutCredentialFields(r)]);
    const wrong = Object.keys(CREDENTIALS[c.id]).map((k) => `${WRONG}-${k}`);
    const secrets = secretValues([...wrong, ...new Set(tokens)], CREDENTIALS);
    const ids = identifiers(CREDENTIALS);
    const hits = findSecrets(texts, secrets, ids);
    const needles = needleCount(secrets, ids);
    checks += texts.length * needles;
    stats.push(`${label}: ${ran} paths, ${errors} errors, ${texts.length} texts (${mock.requests.length} requests) × ${needles} needles (${secrets.length} secrets in up to 10 forms, and their 8-character pieces) = ${texts.length * needles} checks: ${hits.length} hits`);
    expect(hits).toEqual([]);
  });
});
