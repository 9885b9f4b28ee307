// Plain aligned columns (no borders), readable in a terminal and in a CI log. A cell may hold server text:
// its controls, bidi marks and line breaks are shown escaped, so it cannot forge a line or move the cursor.
import { oneLineSafe } from './terminal-safe.js';

/** `header` null: no header row (key/value listings). */
export function renderTable(header: readonly string[] | null, rows: readonly (readonly string[])[]): string {
  const all = (header ? [header, ...rows] : rows).map((row) => row.map(oneLineSafe));
  const widths = all.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return all.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** A result for people: a list of flat records as a table with a header, anything else as path/value rows. */
export function renderResult(result: unknown): string {
  const isScalar = (v: unknown) => v === null || typeof v !== 'object';
  const records = Array.isArray(result) && result.length > 0 && result.every((r) => r && typeof r === 'object' && !Array.isArray(r) && Object.values(r).every(isScalar));
  if (!records) return renderTable(null, flatten(result));
  const columns = [...new Set((result as Record<string, unknown>[]).flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return renderTable(columns, (result as Record<string, unknown>[]).map((r) => columns.map((c) => cell(r[c]))));
}

/** `{ status: { success: true } }` -> rows `status.success  true`, for the readable form of a result. */
export function flatten(value: unknown, path = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [[path || '(result)', value === undefined ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value)]];
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [path ? `.${k}` : k, v] as const);
  if (entries.length === 0) return [[path || '(result)', Array.isArray(value) ? '[]' : '{}']];
  return entries.flatMap(([key, v]) => flatten(v, `${path}${key}`));
}
