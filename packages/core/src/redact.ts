// Secrets never leave the client in clear: not in log lines, error messages, `toString`, JSON or inspect.
// Two nets: by name (headers, query and body fields that carry credentials) and by value (every credential
// a client holds is registered here, so an echo of it anywhere, in any of its forms, is caught too).
import { cutForms, HEX_VALUE, MAX_EXPANSION, MIN_SECRET_LENGTH, type SecretForm, secretForms } from './secret-forms.js';
import { type HeaderSource, headerEntries } from './header-map.js';
import { cutPieces, hexSpans, merge, type Span } from './secret-spans.js';

/** What a secret is replaced with in logs, errors and scrubbed values. */
export const REDACTED = '[REDACTED]';
const TRUNCATED = '[TRUNCATED]';
const ELLIPSIS = '…';
/** Hex values this long are matched by the hex-run scan (secret-spans.ts). */
const MIN_HEX_RUN = 16;
/** Deeper than any real body: cut off rather than kept as is, so nothing below escapes the scrubbing. */
const MAX_DEPTH = 20;

const SECRET_NAMES = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'web_api_key', 'app_key', 'x-api-key',
  'authkey', 'signature', 'privatekey', 'private_key', 'sharedkey', 'client_secret', 'clientsecret',
  'access_token', 'refresh_token', 'apikey', 'api_key', 'password', 'token',
]);

/**
 * Whether a header, query or body field of this name carries a credential (`authorization`, `api_key`, `password`…),
 * in any letter case.
 */
export const isSecretName = (name: string): boolean => SECRET_NAMES.has(name.toLowerCase());

interface Matchers {
  /** Every form of every secret, longest first, in one alternation. */
  global: RegExp;
  /** The same, anchored where `lastIndex` says. */
  sticky: RegExp;
  /** The most characters one match can span. */
  maxMatch: number;
  /** Forms whose heads and tails are looked for beside cut marks. */
  cutForms: string[];
}


/**
 * The secrets one client holds, and the scrubbing that keeps them out of every string it lets out: each registered
 * value in each of its encoded forms, and every field with a secret name.
 */
export class Secrets {
  readonly #forms = new Map<string, SecretForm[]>();
  readonly #permanent = new Set<string>();
  /** Short-lived values (a request's signature): value → when it may be forgotten. */
  readonly #temporary = new Map<string, number>();
  /** Short-lived hex values, lowercase. */
  readonly #hex = new Set<string>();
  #nextExpiry = Number.POSITIVE_INFINITY;
  #matchers: Matchers | undefined | null = null;

  /** Registers a secret value, in every form it travels in (see secret-forms.ts). Values under 4 characters are ignored. */
  add(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH) return;
    this.#permanent.add(value);
    this.#temporary.delete(value);
    this.#register(value);
  }

  /**
   * Registers a value for `ttlMs` only: a per-request secret (Safe Creative's signature) is scrubbed from what
   * that request produces, without the set growing with every request.
   */
  addTemporary(value: string | undefined, ttlMs: number): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.#permanent.has(value)) return;
    this.#expire();
    const until = Date.now() + ttlMs;
    this.#temporary.set(value, Math.max(until, this.#temporary.get(value) ?? 0));
    this.#nextExpiry = Math.min(this.#nextExpiry, until);
    // A hex value (a signature) is found by one scan of the hex runs: the cost does not grow with their number.
    if (value.length >= MIN_HEX_RUN && HEX_VALUE.test(value)) this.#hex.add(value.toLowerCase());
    else this.#register(value);
  }

  /** Every occurrence of every form of every secret replaced by `[REDACTED]`. */
  scrub(text: string): string {
    return this.#replace(text, this.#spans(text, text.length), text.length);
  }

  /**
   * The first `max` characters of `text`, scrubbed: the scrubbing runs first, so the cut never leaves the head
   * of a secret (a secret the cut falls inside is redacted whole). `…` marks a cut.
   */
  clip(text: string, max: number): string {
    if (text.length <= max) return this.scrub(text);
    // Only a window is searched: a secret starting before the cut ends inside it.
    const matchers = this.#current();
    let reach = matchers?.maxMatch ?? 0;
    for (const hex of this.#hex) reach = Math.max(reach, hex.length);
    const window = text.slice(0, max + reach);
    return `${this.#replace(text, this.#spans(window, max), max)}${ELLIPSIS}`;
  }

  /** A deep copy with secret-named fields masked and every string (keys too) scrubbed. */
  scrubValue<T>(value: T): T {
    return scrubDeep(value, (s) => this.scrub(s), { maskNames: true }) as T;
  }

  /** A plain copy of these headers with secret-named ones masked and every name and value scrubbed. */
  headers(headers: HeaderSource | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    // Never `instanceof Headers`: reading the global loads Node's fetch implementation.
    for (const [k, v] of headerEntries(headers)) out[this.scrub(k)] = isSecretName(k) ? REDACTED : this.scrub(String(v));
    return out;
  }

  /** A URL fit to print: its password and secret-named query parameters masked, every secret scrubbed. */
  url(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      // Not a URL the parser takes: still mask what looks like `//user:password@`.
      return this.scrub(url.replace(/(\/\/[^/?#@\s:]*:)[^/?#\s]*@/, `$1${REDACTED}@`));
    }
    for (const key of [...parsed.searchParams.keys()]) if (isSecretName(key)) parsed.searchParams.set(key, REDACTED);
    if (parsed.password) parsed.password = REDACTED;
    return this.scrub(parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
  }

  #register(value: string): void {
    if (this.#forms.has(value)) return;
    this.#forms.set(value, secretForms(value));
    this.#matchers = null;
  }

  #expire(): void {
    const now = Date.now();
    if (now < this.#nextExpiry) return;
    this.#nextExpiry = Number.POSITIVE_INFINITY;
    for (const [value, until] of this.#temporary) {
      if (until <= now) {
        this.#temporary.delete(value);
        this.#hex.delete(value.toLowerCase());
        if (this.#forms.delete(value)) this.#matchers = null;
      } else this.#nextExpiry = Math.min(this.#nextExpiry, until);
    }
  }

  #current(): Matchers | undefined {
    this.#expire();
    if (this.#matchers !== null) return this.#matchers;
    const forms = [...this.#forms.values()].flat().sort((a, b) => b.text.length - a.text.length);
    if (!forms.length) return (this.#matchers = undefined);
    const source = forms.map((f) => f.pattern).join('|');
    const longest = forms[0]!.text.length;
    const cut = [...this.#forms.keys()].flatMap(cutForms);
    this.#matchers = { global: new RegExp(source, 'g'), sticky: new RegExp(source, 'y'), maxMatch: longest * MAX_EXPANSION, cutForms: cut };
    return this.#matchers;
  }

  /** The spans holding a secret (or a piece of one beside a cut mark) that start before `limit`, merged. */
  #spans(text: string, limit: number): Span[] {
    const matchers = this.#current();
    const whole = matchers ? this.#wholeSpans(text, limit, matchers) : [];
    const more = [...cutPieces(text, limit, matchers?.cutForms ?? []), ...hexSpans(text, limit, this.#hex)];
    return more.length ? merge([...whole, ...more]) : whole;
  }

  #wholeSpans(text: string, limit: number, { global, sticky }: Matchers): Span[] {
    const spans: Span[] = [];
    global.lastIndex = 0;
    for (let m = global.exec(text); m && m.index < limit; m = global.exec(text)) {
      let end = m.index + m[0].length;
      // Another secret may start inside this one and run past it (`abcSECRET` and `SECRET123` in `abcSECRET123`).
      for (let at = m.index + 1; at < end; at++) {
        sticky.lastIndex = at;
        const inner = sticky.exec(text);
        if (inner) end = Math.max(end, at + inner[0].length);
      }
      const last = spans.at(-1);
      if (last && last[1] >= m.index) last[1] = Math.max(last[1], end);
      else spans.push([m.index, end]);
      global.lastIndex = end;
    }
    return spans;
  }

  /** `text` up to `limit` with each span replaced (a span that starts before `limit` is replaced whole). */
  #replace(text: string, spans: readonly Span[], limit: number): string {
    // Never half a surrogate pair at the cut.
    const cut = limit < text.length && /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
    let out = '';
    let from = 0;
    for (const [start, end] of spans) {
      // A piece found past the cut (a hex run, a cut mark's tail) is not part of the shown text.
      if (start >= cut) break;
      out += text.slice(from, start) + REDACTED;
      from = end;
    }
    // A span that runs past the cut ends the text: the slice is empty then.
    return out + text.slice(from, cut);
  }
}

/**
 * A deep, JSON-shaped copy with every string (keys too) passed through `scrub`; `maskNames` also masks the
 * values of secret-named keys. Undefined fields drop out, as JSON would drop them; errors become their text.
 */
export function scrubDeep(value: unknown, scrub: (s: string) => string, options: { maskNames?: boolean } = {}, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (typeof value === 'bigint') return `${value}`;
  if (!value || typeof value !== 'object') return value;
  // Deeper than any real body: cut off rather than kept as is, so nothing below escapes the scrubbing and
  // the copy stays printable (JSON.stringify of a hostile 10 000-deep body overflows the stack).
  if (depth > MAX_DEPTH) return TRUNCATED;
  if (value instanceof Error) return scrub(`${value.name}: ${value.message}`);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub, options, depth + 1));
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return scrubDeep((value as { toJSON(): unknown }).toJSON(), scrub, options, depth + 1);
  // Own properties only: a body's `"__proto__"` key must not become the copy's prototype.
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function') continue;
    entries.push([scrub(k), options.maskNames && isSecretName(k) ? REDACTED : scrubDeep(v, scrub, options, depth + 1)]);
  }
  return Object.fromEntries(entries);
}
