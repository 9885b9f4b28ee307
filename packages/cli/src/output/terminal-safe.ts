// Text from outside the command (server answers, error messages, echoed input) can carry terminal controls:
// a `\r` that overwrites the line before it, ESC sequences that recolour, move the cursor or write the
// clipboard (OSC 52), bidi overrides that make text read differently than it is. Every human-readable write
// shows them escaped (`\x1b`, `\r`, `\u202e`); JSON output escapes them the JSON way, so it parses to the
// same value.

// C0 except line feed, DEL, C1, and the bidi marks, embeddings, overrides and isolates; plus the Unicode line
// and paragraph separators, which some terminals treat as line breaks.
const UNSAFE = '\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_KEEPING_NEWLINES = new RegExp(`[${UNSAFE}]`, 'g');
const UNSAFE_IN_ONE_LINE = new RegExp(`[${UNSAFE}\\n]`, 'g');
// What JSON.stringify leaves raw: it escapes C0 itself.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** For text the command writes itself, with its own line breaks: everything unsafe but `\n` escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_KEEPING_NEWLINES, escapeChar);
}

/** For one value from outside (a table cell, a field): its line breaks are escaped too, so it cannot forge a line. */
export function oneLineSafe(text: string): string {
  return text.replace(UNSAFE_IN_ONE_LINE, escapeChar);
}

/** JSON text with every remaining control or bidi character as a `\uXXXX` escape: the same JSON value, safe to print. */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
