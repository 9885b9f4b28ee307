// Safe Creative's authorize step, per send: add `authkey` and a fresh `ztime`, sign every parameter, and send the
// rewritten URL (values percent-encoded on the wire, raw in the signature). On `InvalidTime` the authorizer reads
// the server's clock (`component=ztime`, unsigned), keeps the offset, and asks core to sign and send once more.
import type { AttemptContext, Shape, WireRequest, WireResponse } from '@creditkit/core';
import { type Authorizer, type Codec, type SharedState, untilAborted, utf8Strict } from '@creditkit/core/internal';
import { safeCreativeError } from './errors.js';
import { ServerClock } from './server-clock.js';
import { type Param, sign, sortByKey } from './signature.js';

export interface SignedQueryConfig {
  authkey: string;
  privateKey: string;
  /** Sends the clock read, shared by every call that met InvalidTime, under the client's own timeout. */
  sendShared: (request: WireRequest, ctx: AttemptContext) => Promise<WireResponse>;
  /** With a store given to the client: the clock offset one worker learned is every worker's. */
  shared?: SharedState | undefined;
}

const OFFSET_KEY = 'clock:offset';
/** How long a learned offset is kept in the store, and how often a worker looks for a newer one. */
const OFFSET_TTL_MS = 3_600_000;
const OFFSET_REFRESH_MS = 10_000;

/** The parameters this plugin owns; a caller's copy of them is replaced, never signed. */
const SUPPLIED = new Set(['authkey', 'ztime', 'signature']);
/** `<ztime>1271749821453</ztime>` */
const ZTIME: Shape = { type: 'integer', xml: { name: 'ztime' } };

export function signedQueryAuthorizer(config: SignedQueryConfig): Authorizer {
  const clock = new ServerClock();
  const shared = config.shared?.sharing ? config.shared : undefined;
  let readAt = 0;
  /** The offset the account's workers last learned, looked up at most every OFFSET_REFRESH_MS. */
  const adoptShared = async (ctx: AttemptContext) => {
    if (!shared || Date.now() - readAt < OFFSET_REFRESH_MS) return;
    readAt = Date.now();
    try {
      const found = await shared.store.get(await shared.scope(), OFFSET_KEY);
      const offsetMs = (found?.value as { offsetMs?: unknown } | undefined)?.offsetMs;
      if (typeof offsetMs === 'number') clock.adopt(offsetMs);
    } catch (error) {
      ctx.log('warn', 'store.failed', { step: 'clock-offset', error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    name: 'auth:signedQuery',
    authorize: async (request, ctx) => {
      await adoptShared(ctx);
      return signed(request, clock.now(), config, ctx);
    },
    async reauthorize(sent, response, ctx) {
      if (!saysInvalidTime(response, ctx)) return false;
      // The clock read is shared by every call that met InvalidTime: each waits for it only as long as its own
      // attempt may last. A call cut short this way was refused, not left in doubt: its InvalidTime answer stands
      // (a ProviderError), unless its caller aborted.
      let synced = false;
      try {
        synced = await untilAborted(clock.sync(() => readServerTime(sent, config.sendShared, ctx)), ctx.signal);
      } catch (error) {
        if (ctx.options.signal?.aborted) throw error;
      }
      if (!synced) return false;
      ctx.log('info', 'auth.ztime-resync', { offsetMs: Math.round(clock.offsetMs) });
      if (shared) {
        await shared.store
          .set(await shared.scope(), OFFSET_KEY, { state: 'valid', value: { offsetMs: clock.offsetMs } }, OFFSET_TTL_MS)
          .catch((error: unknown) => ctx.log('warn', 'store.failed', { step: 'clock-offset', error: error instanceof Error ? error.message : String(error) }));
        readAt = Date.now();
      }
      return true;
    },
  };
}

/** The request signed at `ztime`: the caller's copies of the supplied parameters replaced, never signed. */
async function signed(request: WireRequest, ztime: number, config: SignedQueryConfig, ctx: AttemptContext): Promise<WireRequest> {
  const url = new URL(request.url);
  const params: Param[] = [...url.searchParams].filter(([key]) => !SUPPLIED.has(key));
  params.push(['authkey', config.authkey], ['ztime', String(ztime)]);
  const signature = await sign(config.privateKey, params);
  // A signature lets anyone replay this exact request while its ztime holds: scrubbed from whatever the answer
  // echoes, for as long as this attempt can still produce an error or a log line (then forgotten).
  ctx.secrets.addTemporary(signature, signatureTtlMs(ctx));
  url.search = [...sortByKey(params), ['signature', signature] as const].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return { ...request, url: url.href };
}

/** The attempt's own limit (its answer is read and decoded within it), plus a margin; bounded when there is none. */
function signatureTtlMs(ctx: AttemptContext): number {
  const remaining = ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
  const limit = Math.min(ctx.options.timeoutMs, remaining);
  return (Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_SIGNATURE_TTL_MS) : MAX_SIGNATURE_TTL_MS) + SIGNATURE_TTL_MARGIN_MS;
}
const SIGNATURE_TTL_MARGIN_MS = 10_000;
const MAX_SIGNATURE_TTL_MS = 10 * 60_000;

/** The client's XML codec (the provider's, or a plugin's with other parser limits). */
const codecOf = (ctx: AttemptContext): Codec => ctx.codecs['application/xml']!;

/** A 2xx: a transport hands on only final answers (200–599) and never a redirect, so below 300 is enough. */
// Stryker disable next-line EqualityOperator: `<= 300` differs only on a 300, which no transport hands on
const is2xx = (response: WireResponse) => response.status < 300;

function saysInvalidTime(response: WireResponse, ctx: AttemptContext): boolean {
  if (!is2xx(response)) return false;
  try {
    // Strictly UTF-8, as the decoder reads it: a garbled answer is no proof of a refusal, and resending on it could
    // buy twice.
    const text = utf8Strict(response.body);
    // Most answers are sales: decode (the core decodes them again) only one that can be the refusal.
    if (!text.includes('InvalidTime')) return false;
    // Stryker disable next-line OptionalChaining: without `?.` a non-error answer throws a TypeError, which the catch below answers with the same `false`
    return safeCreativeError(codecOf(ctx).decode(text, ctx.operation.responseShape))?.code === 'InvalidTime';
  } catch /* Stryker disable BlockStatement: an empty catch returns undefined, which the one caller reads with `!` exactly as `false` */ {
    // Unreadable: left for the decoder to report (an unknown outcome for a purchase).
    return false;
  }
}

// Stryker restore BlockStatement
/** Through sendShared, never the attempt's own send: that runs under the signal of the call that happened to start the read. */
async function readServerTime(request: WireRequest, send: SignedQueryConfig['sendShared'], ctx: AttemptContext): Promise<number | undefined> {
  const url = new URL(request.url);
  url.search = 'component=ztime';
  try {
    // Stryker disable next-line StringLiteral: node:http sends an empty method as GET
    const response = await send({ method: 'GET', url: url.href, headers: { accept: 'application/xml' } }, ctx);
    if (!is2xx(response)) return undefined;
    const ztime = codecOf(ctx).decode(new TextDecoder().decode(response.body), ZTIME);
    // Number.isFinite is true only for a finite number (nil decodes to null).
    return Number.isFinite(ztime) ? (ztime as number) : undefined;
  } catch /* Stryker disable BlockStatement: an empty catch returns undefined, the value this one returns */ {
    // Never the reason of the call that happened to start the read: the other calls waiting on it would get it.
    return undefined;
  }
}
