// `--calibrate[=<defect>]`: the soak run against a client broken on purpose, to prove it can fail. Each defect
// names the findings it must produce; the run exits with the findings code only when they appear.
import { type AttemptPlugin, type CallPlugin, OutcomeUnknownError } from '@creditkit/core';
import type { MockServer } from '@creditkit/mock';
import { sign } from '@creditkit/safecreative';
import type { ProviderCase } from '../reliability/providers.js';
import type { Findings } from './checks.js';

export interface Defect {
  name: string;
  summary: string;
  /** The findings this defect must produce for the calibration to pass. */
  expects: readonly (keyof Findings)[];
  /** Client options for `c` that carry the defect (merged over the soak's own), if it touches that case. */
  options?(c: ProviderCase, mock: MockServer): Record<string, unknown> | undefined;
  /** Run the 2sms client asserting `purchaseIdDeduplicated` in rounds whose simulator buys again. */
  assertEverywhere?: boolean;
}

/** An unsafe purchase re-sent, once, after the client said its outcome is unknown: the double charge. */
const resendAfterDoubt: CallPlugin = {
  name: 'calibration:resend-after-doubt',
  phase: 'call',
  before: ['retry'],
  middleware: (input, next) => next(input).catch((error: unknown) => (error instanceof OutcomeUnknownError ? next(input) : Promise.reject(error))),
};

/** Every attempt waits until its signal ends it: all calls time out. */
const neverAnswers: AttemptPlugin = {
  name: 'calibration:never-answers',
  phase: 'attempt',
  after: ['timeout'],
  middleware: (_request, _next, ctx) => new Promise<Response>((_, reject) => ctx.signal?.addEventListener('abort', () => reject(ctx.signal?.reason), { once: true })),
};

/** Safe Creative's signed query as it was without the clock resync: signs with the local clock, never re-reads it. */
function signWithLocalClock(authkey: string, privateKey: string): AttemptPlugin {
  return {
    name: 'auth:signedQuery',
    phase: 'attempt',
    after: ['timeout'],
    tags: ['auth'],
    middleware: async (request, next) => {
      const url = new URL(request.url);
      const params: [string, string][] = [...url.searchParams].filter(([key]) => !['authkey', 'ztime', 'signature'].includes(key));
      params.push(['authkey', authkey], ['ztime', String(Date.now())]);
      params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const signature = await sign(privateKey, params);
      url.search = [...params, ['signature', signature] as const].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
      return next(new Request(url, request));
    },
  };
}

export const DEFECTS: readonly Defect[] = [
  {
    name: 'resend-unsafe',
    summary: 'every client re-sends a purchase once after an OutcomeUnknownError',
    expects: ['duplicates'],
    options: () => ({ plugins: [resendAfterDoubt] }),
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
    options: (c) => (c.id === 'softwaredna' ? { plugins: [neverAnswers], timeoutMs: 300 } : undefined),
  },
  {
    name: 'no-clock-resync',
    summary: "Safe Creative signs with the local clock and never re-reads the server's",
    expects: ['unexplained', 'lowSuccess'],
    options: (c, mock) => (c.id === 'safecreative' ? { plugins: [signWithLocalClock(mock.credentials.safecreative.authkey, mock.credentials.safecreative.privateKey)] } : undefined),
  },
];

export function defectNamed(name: string): Defect | undefined {
  return DEFECTS.find((d) => d.name === name);
}
