// Finding secrets in a text beyond the one regular expression of their forms (redact.ts): pieces of a secret
// that someone else cut, and short-lived hex values (signatures) found by one scan whatever their number.
import { MIN_CUT_PIECE } from './secret-forms.js';

/** `[start, end)` of a text that holds a secret. */
export type Span = [number, number];

/** Where someone else cut a text: `…`, or `...` (V8 quotes JSON so: `Unexpected token 's', "scAUTH-4f0"... is not valid JSON`). */
const CUT_MARK = /…|\.\.\./g;

/**
 * What is left of a secret when a library we do not control cut the text before we could scrub it: its head
 * just before a cut mark, its tail just after one (a `"` may stand between), from MIN_CUT_PIECE characters on.
 */
export function cutPieces(text: string, limit: number, forms: readonly string[]): Span[] {
  const spans: Span[] = [];
  if (!forms.length || !(text.includes('…') || text.includes('...'))) return spans;
  for (const mark of text.matchAll(CUT_MARK)) {
    const before = mark.index - (text[mark.index - 1] === '"' ? 1 : 0);
    const end = mark.index + mark[0].length;
    const after = end + (text[end] === '"' ? 1 : 0);
    if (before - MIN_CUT_PIECE >= limit) break;
    // Cheap refusal first: the two characters beside the mark must occur in the secret at all.
    const beforePair = text.slice(before - 2, before);
    const afterPair = text.slice(after, after + 2);
    for (const form of forms) {
      const head = beforePair.length === 2 && form.includes(beforePair) ? longestHeadEndingAt(text, before, form) : 0;
      if (head) spans.push([before - head, before]);
      const tail = afterPair.length === 2 && form.includes(afterPair) ? longestTailStartingAt(text, after, form) : 0;
      if (tail) spans.push([after, after + tail]);
    }
  }
  return spans;
}

/** The longest head of `form` (at least MIN_CUT_PIECE, shorter than the whole) that `text` ends with at `end`. */
function longestHeadEndingAt(text: string, end: number, form: string): number {
  for (let n = form.length - 1; n >= MIN_CUT_PIECE; n--) {
    if (form.charCodeAt(n - 1) === text.charCodeAt(end - 1) && text.startsWith(form.slice(0, n), end - n)) return n;
  }
  return 0;
}

/** The longest tail of `form` (at least MIN_CUT_PIECE, shorter than the whole) that `text` has at `start`. */
function longestTailStartingAt(text: string, start: number, form: string): number {
  for (let n = form.length - 1; n >= MIN_CUT_PIECE; n--) {
    if (form.charCodeAt(form.length - n) === text.charCodeAt(start) && text.startsWith(form.slice(-n), start)) return n;
  }
  return 0;
}

const HEX_RUN = /[0-9a-fA-F]{16,}/g;

/** Hex values (lowercase) inside runs of hex digits, in any case: one scan of the text, however many values. */
export function hexSpans(text: string, limit: number, values: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  if (!values.size) return spans;
  for (const run of text.matchAll(HEX_RUN)) {
    if (run.index >= limit) break;
    const lower = run[0].toLowerCase();
    if (values.has(lower)) {
      spans.push([run.index, run.index + lower.length]);
      continue;
    }
    for (const value of values) {
      for (let at = lower.indexOf(value); at >= 0; at = lower.indexOf(value, at + 1)) spans.push([run.index + at, run.index + at + value.length]);
    }
  }
  return spans;
}

/** Sorted, and overlapping or touching spans made one. */
export function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const [start, end] of spans) {
    const last = out.at(-1);
    if (last && last[1] >= start) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
