// Secret hygiene across all five providers: distinctive credentials, every operation through every error
// path (success, validation, auth, 404/409/429/5xx, provider error, decode error, outcome unknown, timeout,
// truncation, refused connection) at debug level, with servers that echo the secrets back. No form of any
// secret may appear in a log line, an error (message, String, JSON, inspect, cause chain) or the requests
// the simulators received — except the credential fields themselves.
import { CreditkitError, type LogLine } from '@creditkit/core';
import { type Fault, type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorForms } from './error-forms.js';
import { CASES, clientFor, liftRateLimits, type ProviderCase } from './providers.js';
import { findSecrets, SECRET_CREDENTIALS, secretValues, withoutCredentialFields } from './secrets.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ credentials: SECRET_CREDENTIALS, keepRequests: 100_000 });
});
afterAll(() => mock.close());

const isXml = (c: ProviderCase) => c.id === 'safecreative' || c.options.format === 'xml';
const deep = (depth: number, inner: string) => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

/** An error body that echoes `secret`, in the case's own media type, as careless servers do. */
function echo(c: ProviderCase, secret: string, status: number): Fault {
  if (isXml(c)) {
    const body = `<error><errorId>Echo</errorId><errorMessage>bad key ${secret}</errorMessage><key>${secret}</key></error>`;
    return { kind: 'status', status, headers: { 'content-type': 'application/xml' }, body };
  }
  return { kind: 'status', status, body: JSON.stringify({ Message: `bad key ${secret}`, key: secret, apiKey: secret, deep: JSON.parse(deep(25, JSON.stringify(secret))) }) };
}

/** A 200 whose body says the call failed, echoing the secret (where the provider has such bodies). */
const providerFailure: Record<string, (secret: string) => Fault> = {
  finerworks: (s) => ({ kind: 'status', status: 200, body: JSON.stringify({ product_id: 0, status: { success: false, status_code: 403, message: `key ${s} may not` } }) }),
  'accountadmin (json)': (s) => ({ kind: 'status', status: 200, body: JSON.stringify({ Error: { ErrorCode: 'Denied', ErrorReason: `key ${s}` }, ResponseData: null }) }),
  'accountadmin (xml)': (s) => ({ kind: 'status', status: 200, headers: { 'content-type': 'application/xml' }, body: `<ResponseOfPurchase><Error><ErrorCode>Denied</ErrorCode><ErrorReason>key ${s}</ErrorReason></Error></ResponseOfPurchase>` }),
  safecreative: (s) => ({ kind: 'status', status: 200, headers: { 'content-type': 'application/xml' }, body: `<error><errorId>Denied</errorId><errorMessage>key ${s}</errorMessage></error>` }),
};

/** A field whose checks quote the bad value back in the ValidationError: we pass the secret there. */
const quotingField: Record<string, string> = { finerworks: 'amount', fusebill: 'purchaseId', softwaredna: 'Target', accountadmin: 'PurchaseID', safecreative: 'service' };

interface Path {
  name: string;
  input?: (c: ProviderCase, secret: string) => unknown;
  fault?: (c: ProviderCase, secret: string) => Fault | undefined;
  options?: (c: ProviderCase) => Record<string, unknown>;
}

const WRONG = 'wrong-credential-7d1c0e55';
const PATHS: Path[] = [
  { name: 'success' },
  { name: 'validation', input: (c, s) => ({ ...c.input('v'), [quotingField[c.id]!]: s }) },
  { name: 'auth failure', options: (c) => Object.fromEntries(Object.keys(SECRET_CREDENTIALS[c.id]).map((k) => [k, `${WRONG}-${k}`])) },
  { name: '404', fault: (c, s) => echo(c, s, 404) },
  { name: '409', fault: (c, s) => echo(c, s, 409) },
  { name: '429 after retries', fault: (c, s) => ({ ...(echo(c, s, 429) as Extract<Fault, { kind: 'status' }>), headers: { 'retry-after-ms': '1', ...(isXml(c) ? { 'content-type': 'application/xml' } : {}) } }) },
  { name: '500', fault: (c, s) => echo(c, s, 500) },
  { name: 'provider error', fault: (c, s) => providerFailure[c.label]?.(s) },
  { name: 'decode error', fault: () => ({ kind: 'malformed-after' }) },
  { name: 'outcome unknown', fault: () => ({ kind: 'reset-after' }) },
  { name: 'truncated', fault: () => ({ kind: 'truncate-after' }) },
  { name: 'timeout', fault: () => ({ kind: 'latency', ms: 400 }), options: () => ({ timeoutMs: 100, maxRetries: 0 }) },
  { name: 'refused', options: () => ({ baseUrl: 'http://127.0.0.1:9/nothing-listens', maxRetries: 0 }) },
];

const stats: string[] = [];
afterAll(() => console.log(`secret hygiene:\n  ${stats.join('\n  ')}`));

describe('secret hygiene across providers', () => {
  it.each(CASES.map((c) => [c.label, c] as const))('%s: no secret in logs, errors or non-credential request fields', async (label, c) => {
    mock.reset();
    liftRateLimits(mock);
    const texts: [string, string][] = [];
    let errors = 0;
    for (const path of PATHS) {
      const secret = Object.values(SECRET_CREDENTIALS[c.id])[0]!;
      const fault = path.fault?.(c, secret);
      if (path.fault && !fault) continue;
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
    }
    // 2sms's bearer token is a secret too, once issued: it must show only in the Authorization header.
    const tokens = mock.requests.flatMap((r) => /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''))?.slice(1) ?? []);
    for (const r of mock.requests) texts.push([`request ${r.method} ${r.path}`, withoutCredentialFields(r)]);
    const wrong = Object.keys(SECRET_CREDENTIALS[c.id]).map((k) => `${WRONG}-${k}`);
    const secrets = secretValues([...wrong, ...new Set(tokens)]);
    const hits = findSecrets(texts, secrets);
    stats.push(`${label}: ${PATHS.length} paths, ${errors} errors, ${texts.length} texts (${mock.requests.length} requests) searched for ${secrets.length} secrets in 3-4 forms: ${hits.length} hits`);
    expect(hits).toEqual([]);
  });
});
