// A JavaScript number holds integers exactly only up to 2^53 - 1 and has no finite value beyond ~1.8e308.
// A body that writes a number past those bounds cannot be read as written: `9007199254740993` would become
// …992 (another id), `1e400` Infinity. Such a body is unreadable, never silently rounded.

/** Why `literal` (a number as the body wrote it) cannot be read exactly as `value`, or undefined when it can. */
export function inexactNumber(literal: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return `${literal.trim()} is beyond the range of a number`;
  // Written without an exponent, a value this large is an integer (an id, a count) that has lost digits.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER && !/[eE]/.test(literal)) return `${literal.trim()} is beyond the safe integer range (2^53 - 1)`;
  return undefined;
}

/** Only text with a 16-digit run or a 3-digit exponent can hold such a number: the common body skips the scan. */
const MAYBE_INEXACT = /\d{16}|[eE][-+]?\d{3}/;
/** Valid JSON only: its strings are skipped whole, so digits inside them are never taken for numbers. */
const JSON_TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g;

/** The first number of a (valid) JSON text that cannot be read exactly, explained. */
export function inexactJsonNumber(json: string): string | undefined {
  if (!MAYBE_INEXACT.test(json)) return undefined;
  for (const [token] of json.matchAll(JSON_TOKENS)) {
    if (token.startsWith('"')) continue;
    const reason = inexactNumber(token, Number(token));
    if (reason) return reason;
  }
  return undefined;
}
