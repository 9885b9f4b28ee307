// `--calibrate[=<defect>]`: the soak run against a client broken on purpose, to prove it can fail. Each defect
// names the findings it must produce; the run exits with the findings code only when they appear.
import { OutcomeUnknownError, type ClientOptions, type Transport } from '@creditkit/core';
import { createClient, type Authorizer } from '@creditkit/core/internal';
import type { MockServer } from '@creditkit/mock';
import { provider as safecreative, sign } from '@creditkit/safecreative';
import type { Operation, ProviderCase } from '../reliability/providers.js';
import type { Findings } from './checks.js';

export interface Defect {
  name: string;
  summary: string;
  /** The findings this defect must produce for the calibration to pass. */
  expects: readonly (keyof Findings)[];
  /** Client options for `c` that carry the defect (merged over the soak's own), if it touches that case. */
  options?(c: ProviderCase, mock: MockServer): Record<string, unknown> | undefined;
  /** A client of its own for `c` (a provider definition overridden: a test-only seam), if it touches that case. */
  client?(c: ProviderCase, mock: MockServer, options: ClientOptions & Record<string, unknown>): Operation | undefined;
  /** Wraps every case's call from outside the client. */
  wrap?(call: Operation): Operation;
  /** Run the 2sms client asserting `purchaseIdDeduplicated` in rounds whose simulator buys again. */
  assertEverywhere?: boolean;
}

/** An unsafe purchase re-sent, once, after the client said its outcome is unknown (with the key it went out with): the double charge. */
const resendAfterDoubt = (call: Operation): Operation => (input, options) =>
  call(input, options).catch((error: unknown) => (error instanceof OutcomeUnknownError ? call(error.reconcile.input ?? input, options) : Promise.reject(error)));

/** The send stage swapped for one that waits until the attempt's signal ends it: all calls time out. */
const neverAnswers: Transport = (_request, ctx) => new Promise((_, reject) => ctx.signal?.addEventListener('abort', () => reject(ctx.signal?.reason), { once: true }));

/** Safe Creative's signed query as it was without the clock resync: signs with the local clock, never re-reads it. */
function signWithLocalClock(authkey: string, privateKey: string): Authorizer {
  return {
    name: 'auth:signedQuery',
    async authorize(request) {
      const url = new URL(request.url);
      const params: [string, string][] = [...url.searchParams].filter(([key]) => !['authkey', 'ztime', 'signature'].includes(key));
      params.push(['authkey', authkey], ['ztime', String(Date.now())]);
      params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const signature = await sign(privateKey, params);
      url.search = [...params, ['signature', signature] as const].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
      return { ...request, url: url.href };
    },
  };
}

/** The Safe Creative client built from its provider definition with the authorize step replaced. */
function localClockClient(c: ProviderCase, mock: MockServer, options: ClientOptions & Record<string, unknown>): Operation {
  const { authkey, privateKey } = mock.credentials.safecreative;
  const definition = { ...safecreative.definition!, authorize: () => [signWithLocalClock(authkey, privateKey)] };
  const client = createClient(definition, { ...mock.credentials.safecreative, baseUrl: mock.url('safecreative'), ...c.options, ...options });
  return (input, callOptions) => client.call(c.spec, input, callOptions);
}

export const DEFECTS: readonly Defect[] = [
  {
    name: 'resend-unsafe',
    summary: 'every client re-sends a purchase once after an OutcomeUnknownError',
    expects: ['duplicates'],
    wrap: resendAfterDoubt,
  },
  {
    name: 'trust-purchase-id',
    summary: 'the 2sms client asserting purchaseIdDeduplicated also runs where 2sms buys again',
    expects: ['duplicates'],
    assertEverywhere: true,
  },
  {
    name: 'dna-timeouts',
    summary: 'every software_DNA attempt times out (a transport that never answers)',
    expects: ['unexplained', 'lowSuccess'],
    // A short attempt timeout keeps the round short; the defect is the same at any timeout.
    options: (c) => (c.id === 'softwaredna' ? { transport: neverAnswers, timeoutMs: 300 } : undefined),
  },
  {
    name: 'no-clock-resync',
    summary: "Safe Creative signs with the local clock and never re-reads the server's",
    expects: ['unexplained', 'lowSuccess'],
    client: (c, mock, options) => (c.id === 'safecreative' ? localClockClient(c, mock, options) : undefined),
  },
];

export function defectNamed(name: string): Defect | undefined {
  return DEFECTS.find((d) => d.name === name);
}
