// The forms a secret travels in, as regular-expression sources. One pattern per written form (the value
// itself, its base64 and base64url, and its base64 at every byte alignment, as it sits inside a Basic
// `user:pass` token); each character of a form also matches its escapes, in any mix and any hex case:
// percent-encoding (`%20`, form `+`, `!'()*` encoded or not, `%2b` or `%2B`), JSON (`\"`, `\\`, `\/`,
// `\u00e9`, and twice: `%2520`), and XML/HTML references (`&amp;`, `&#38;`, `&#x26;`). A server may echo a key in any of them.

/**
 * Shorter values are not registered. No provider issues a credential this short; one would blank ordinary
 * words and numbers out of every message (a 3-character secret hides every "200"), and could be guessed anyway.
 */
export const MIN_SECRET_LENGTH = 4;

/**
 * A base64 run inside a longer base64 text is matched from this many characters on: shorter runs of a short
 * secret would blank random pieces of tokens and signatures, and carry less than 4 bytes of it.
 */
const MIN_BASE64_RUN = 6;

/** At most this many characters of text match one UTF-16 unit of a secret (`&#x0000FFFF;`, `%E2%82%AC`). */
export const MAX_EXPANSION = 12;

const hexDigit = (d: string) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d);
/** `2f` → `2[fF]`: percent and JSON escapes are case-insensitive in their hex digits only. */
const hex = (n: number, width: number) => [...n.toString(16).padStart(width, '0')].map(hexDigit).join('');
const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

const NAMED_REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const JSON_SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const encoder = new TextEncoder();

/** One character (a code point) and every escape of it. Letters and digits are never escaped in practice. */
function characterPattern(ch: string, hexValue: boolean): string {
  if (/^[A-Za-z0-9]$/.test(ch)) return hexValue ? hexDigit(ch) : ch;
  const alternatives = new Set([escapeRegExp(ch)]);
  alternatives.add([...encoder.encode(ch)].map((b) => `%${hex(b, 2)}`).join(''));
  // Encoded twice (a value that was a URL itself, or a server that encodes what it got): `%2520`.
  alternatives.add([...encoder.encode(ch)].map((b) => `%25${hex(b, 2)}`).join(''));
  // JSON escapes UTF-16 units: a character outside the BMP is a pair of `\uXXXX`.
  alternatives.add(Array.from({ length: ch.length }, (_, i) => `\\\\u${hex(ch.charCodeAt(i), 4)}`).join(''));
  const codePoint = ch.codePointAt(0)!;
  alternatives.add(`&#0{0,4}${codePoint};`);
  alternatives.add(`&#[xX]0{0,4}${hex(codePoint, 1)};`);
  if (NAMED_REFERENCES[ch]) alternatives.add(NAMED_REFERENCES[ch]);
  if (JSON_SHORT[ch]) alternatives.add(escapeRegExp(JSON_SHORT[ch]));
  // Form encoding writes a space as `+`; a `+` sent unencoded is read back as a space.
  if (ch === ' ') alternatives.add('\\+');
  if (ch === '+') alternatives.add(' ');
  return `(?:${[...alternatives].join('|')})`;
}

/** A written form, each character matching its escapes. A hex value (a signature, a digest) matches in any case. */
const lenient = (form: string, hexValue = false) => [...form].map((ch) => characterPattern(ch, hexValue)).join('');
export const HEX_VALUE = /^[0-9a-f]+$|^[0-9A-F]+$/;

const toBinary = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const urlSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * The value's base64 and base64url, whole, and the characters of its base64 that its bytes alone decide, at
 * each of the three byte offsets it can start at inside a longer text (as the password does in `user:pass`).
 */
function base64Forms(value: string): string[] {
  const bytes = encoder.encode(value);
  const whole = btoa(toBinary(bytes));
  const forms = [whole, whole.replace(/=+$/, ''), urlSafe(whole)];
  for (let offset = 0; offset < 3; offset++) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const run = btoa(toBinary(shifted)).slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    if (run.length >= MIN_BASE64_RUN) forms.push(run, urlSafe(run));
  }
  return [...new Set(forms)];
}

export interface SecretForm {
  /** The form as written (its length ranks it: longest first). */
  text: string;
  pattern: string;
}

/** Every form of a secret, each as a pattern. */
export function secretForms(value: string): SecretForm[] {
  const hexValue = HEX_VALUE.test(value);
  return [
    { text: value, pattern: lenient(value, hexValue) },
    ...base64Forms(value).map((text) => ({ text, pattern: lenient(text) })),
  ];
}

/** A cut piece of a secret is caught from this many characters on, when a cut mark sits right beside it. */
export const MIN_CUT_PIECE = 6;

/** The written forms whose cut pieces are looked for: as is, and JSON-escaped (as V8 quotes a JSON text). */
export function cutForms(value: string): string[] {
  return [...new Set([value, JSON.stringify(value).slice(1, -1)])].filter((form) => form.length > MIN_CUT_PIECE);
}
