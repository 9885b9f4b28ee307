// A request's signature lets anyone replay that request while its ztime holds. A server that echoes it back
// (an error message, a debug header, `signature.analysis`) must not put it in any error or log line. It is
// registered for the attempt only: the client's set of secrets does not grow with every request.
import { inspect } from 'node:util';
import { ApiError, CreditkitError, type LogLine, OutcomeUnknownError, ProviderError, type Secrets, type Transport } from '@creditkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeCreativeClient } from './index.js';

const credentials = { authkey: 'scAUTH-4f0a2b6d-echo', privateKey: 'scPRIV-e19c73a5-echo' };
const input = { service: 'PROFESSIONAL', returnurl: 'http://example.com/r', cancelurl: 'http://example.com/c' } as const;

/** Answers each signed request itself (no server), echoing its signature as `answer` says. */
function echoingClient(answer: (signature: string) => Response) {
  const seen: { signature: string; secrets: Secrets }[] = [];
  const lines: string[] = [];
  const base = { ...credentials, baseUrl: 'https://sc.invalid', maxRetries: 0, logLevel: 'debug' as const, logger: (line: LogLine) => lines.push(JSON.stringify(line)) };
  // The send stage swapped: it gets the signed request as it would leave.
  const echo: Transport = async (request, ctx) => {
    const signature = new URL(request.url).searchParams.get('signature')!;
    seen.push({ signature, secrets: ctx.secrets });
    const response = answer(signature);
    return { status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) };
  };
  return { client: createSafeCreativeClient({ ...base, transport: echo }), seen, lines };
}

const xml = (body: string, status = 200, headers: Record<string, string> = {}) => new Response(body, { status, headers: { 'content-type': 'application/xml', ...headers } });
const forms = (e: unknown) => [String(e), JSON.stringify(e), inspect(e, { depth: 10 }), (e as Error).stack ?? ''];

describe('Safe Creative signature echoed back', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['an <error> document (ProviderError)', ProviderError, (s: string) => xml(`<error><errorId>InvalidSignature</errorId><errorMessage>wanted ${s}, got ${s.toUpperCase()}</errorMessage></error>`)],
    ['a 400 with the signature in headers and body (ApiError)', ApiError, (s: string) => xml(`<error><errorId>X</errorId><errorMessage>${s}</errorMessage></error>`, 400, { 'x-request-id': s, 'x-signature-provided': s })],
    ['a broken document (the unknown outcome of a purchase, its DecodeError raw)', OutcomeUnknownError, (s: string) => xml(`<signatureanalisys><signatureProvided>${s}</signatureProvided><oops>`)],
    ['signature.analysis (a 200 the client cannot read)', CreditkitError, (s: string) => xml(`<signatureanalisys><signatureWanted>${s}</signatureWanted><signatureProvided>${s}</signatureProvided></signatureanalisys>`)],
  ])('keeps it out of %s and of every log line', async (_what, errorClass, answer) => {
    const { client, seen, lines } = echoingClient(answer);
    const error = await client.userNewSale(input).then(
      () => expect.unreachable('should fail'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(errorClass);
    expect(seen).toHaveLength(1);
    const { signature } = seen[0]!;
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    for (const text of [...forms(error), ...lines]) expect(text.toLowerCase()).not.toContain(signature);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('forgets each signature once its attempt is over: the set of secrets stays bounded', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { client, seen } = echoingClient((s) => xml(`<error><errorId>X</errorId><errorMessage>${s}</errorMessage></error>`));
    for (let i = 0; i < 3; i++) await client.userNewSale(input).catch(() => {});
    const { secrets } = seen[0]!;
    expect(seen.map((s) => secrets.scrub(s.signature))).toEqual(['[REDACTED]', '[REDACTED]', '[REDACTED]']);
    vi.setSystemTime(Date.now() + 11 * 60_000 + 60_000);
    expect(seen.map((s) => secrets.scrub(s.signature))).toEqual(seen.map((s) => s.signature));
    // The credentials themselves stay registered.
    expect(secrets.scrub(credentials.privateKey)).toBe('[REDACTED]');
  });
});
