// The command line, parsed once with node:util parseArgs. Every command shares one flag set, so a flag
// that does not apply to a command is simply unused; unknown flags are a usage error.
import { parseArgs } from 'node:util';
import { parseStoreSpec, type StoreSpec } from './store/store-spec.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  data: { type: 'string', short: 'd' },
  credential: { type: 'string', short: 'c', multiple: true },
  'base-url': { type: 'string' },
  environment: { type: 'string', short: 'e' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  'idempotency-key': { type: 'string' },
  'media-type': { type: 'string' },
  store: { type: 'string' },
  intent: { type: 'string' },
  state: { type: 'string' },
  provider: { type: 'string' },
  applied: { type: 'boolean' },
  failed: { type: 'boolean' },
  note: { type: 'string' },
  force: { type: 'boolean' },
  mock: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface Args {
  positionals: string[];
  data?: string;
  credentials: string[];
  baseUrl?: string;
  environment?: string;
  timeoutMs?: number;
  maxRetries?: number;
  idempotencyKey?: string;
  mediaType?: string;
  /** `--store`; CREDITKIT_STORE is read only by the commands that use a store (store/use-store.ts). */
  store?: StoreSpec;
  /** `--intent`: the call option `intentId`. */
  intentId?: string;
  /** `intents list --state` / `--provider`, checked by the command. */
  state?: string;
  provider?: string;
  /** `intents resolve`. */
  applied: boolean;
  failed: boolean;
  note?: string;
  force: boolean;
  mock: boolean;
  dryRun: boolean;
  json: boolean;
  verbose: boolean;
  help: boolean;
}

export function parseCommandLine(argv: readonly string[]): Args {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains well ("Unknown option '--foo'"); drop its advice about `--` which does not apply here.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const v = parsed.values;
  return {
    positionals: parsed.positionals,
    credentials: v.credential ?? [],
    mock: v.mock ?? false,
    dryRun: v['dry-run'] ?? false,
    json: v.json ?? false,
    verbose: v.verbose ?? false,
    help: v.help ?? false,
    applied: v.applied ?? false,
    failed: v.failed ?? false,
    force: v.force ?? false,
    ...(v.store !== undefined ? { store: parseStoreSpec(v.store, '--store') } : {}),
    ...(v.intent !== undefined ? { intentId: v.intent } : {}),
    ...(v.state !== undefined ? { state: v.state } : {}),
    ...(v.provider !== undefined ? { provider: v.provider } : {}),
    ...(v.note !== undefined ? { note: v.note } : {}),
    ...(v.data !== undefined ? { data: v.data } : {}),
    ...(v['base-url'] !== undefined ? { baseUrl: parseBaseUrl(v['base-url']) } : {}),
    ...(v.environment !== undefined ? { environment: v.environment } : {}),
    ...(v.timeout !== undefined ? { timeoutMs: parseDuration(v.timeout) } : {}),
    ...(v['max-retries'] !== undefined ? { maxRetries: parseCount(v['max-retries']) } : {}),
    ...(v['idempotency-key'] !== undefined ? { idempotencyKey: v['idempotency-key'] } : {}),
    ...(v['media-type'] !== undefined ? { mediaType: v['media-type'] } : {}),
  };
}

/** An http(s) URL without a user name or password; the value is echoed only when it cannot hold one. */
export function parseBaseUrl(text: string): string {
  const hint = 'e.g. --base-url https://api.example.com (credentials go in --credential or the env vars, never in the URL)';
  const quoted = text.includes('@') ? '' : `; got '${text}'`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url is not a URL${quoted}`, hint);
  }
  if (url.username || url.password) throw new UsageError('--base-url must not carry a user name or password', hint);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http:// or https:// URL${quoted}`, hint);
  return text;
}

/** Longest timer Node keeps: a longer one fires at once (TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** `30s`, `500ms` or plain milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  const ms = m ? Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : 1)) : Number.NaN;
  if (!(ms > 0 && ms <= MAX_TIMER_MS)) throw new UsageError(`--timeout must be a positive duration up to 24 days, like 30s, 500ms or 30000; got '${text}'`, 'e.g. --timeout 30s');
  return ms;
}

function parseCount(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--max-retries must be a whole number ≥ 0; got '${text}'`, 'e.g. --max-retries 0 to never retry');
  return n;
}
