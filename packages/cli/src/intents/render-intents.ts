// Intents for people (a table, a record as path/value rows) and for programs (JSON lines, the record as JSON).
// Every value may hold anything a caller or a server gave (an id with escape characters): the table cells are
// escaped (output/table.ts), the JSON is made safe (output/json.ts), and the output gate checks it all again.
import type { Secrets } from '@creditkit/core';
import { toJson } from '../output/json.js';
import { flatten, renderTable } from '../output/table.js';
import type { FoundIntent } from './read-intents.js';

const when = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : '-');
const text = (value: unknown) => (value === undefined || value === null ? '-' : String(value));
const attemptsOf = (intent: FoundIntent) => (Array.isArray(intent.value.attempts) ? intent.value.attempts : []);

export function intentsTable(intents: readonly FoundIntent[]): string {
  return renderTable(
    ['INTENT', 'PROVIDER', 'OPERATION', 'STATE', 'UPDATED', 'ATTEMPTS'],
    intents.map((i) => [i.id, text(i.value.provider), text(i.value.operation), i.state, when(i.value.updatedAt), String(attemptsOf(i).length)]),
  );
}

/** One JSON object per line. */
export function intentsJsonLines(intents: readonly FoundIntent[], secrets: Secrets): string {
  return intents
    .map((i) => toJson({ intentId: i.id, scope: i.scope, provider: i.value.provider ?? null, operation: i.value.operation ?? null, state: i.state, updatedAt: i.value.updatedAt ?? null, attempts: attemptsOf(i).length }, secrets, 0))
    .join('\n');
}

/** The whole record as JSON: `{ intentId, scope, state, value }`. */
export function intentJson(intent: FoundIntent, secrets: Secrets): string {
  return toJson({ intentId: intent.id, scope: intent.scope, state: intent.state, value: intent.value }, secrets);
}

export function intentDetails(intent: FoundIntent): string {
  const v = intent.value;
  const rows: [string, string][] = [
    ['intent', intent.id],
    ['state', intent.state],
    ['provider', text(v.provider)],
    ['operation', text(v.operation)],
    ['account scope', intent.scope],
    ['idempotency key', text(v.idempotencyKey)],
    ['may be applied', v.mayBeApplied ? 'yes' : 'no'],
    ['created', when(v.createdAt)],
    ['updated', when(v.updatedAt)],
    ...flatten(v.input ?? null, 'input'),
    ...(v.result !== undefined ? flatten(v.result, 'result') : []),
    ...(v.error ? ([['error', `${text(v.error.name)}: ${text(v.error.message)}`]] as [string, string][]) : []),
    ...(v.definitive !== undefined ? ([['refused for good', v.definitive ? 'yes' : 'no']] as [string, string][]) : []),
    ...(v.resolution ? ([['resolved', `by hand at ${when(v.resolution.at)}${v.resolution.note ? `: ${v.resolution.note}` : ''}`]] as [string, string][]) : []),
  ];
  const attempts = attemptsOf(intent);
  const table = attempts.length
    ? renderTable(['ATTEMPT', 'AT', 'WORKER', 'AMBIGUOUS', 'ERROR'], attempts.map((a) => [text(a.attempt), when(a.at), text(a.worker), a.ambiguous ? 'yes' : 'no', text(a.error)]))
    : '(none recorded)';
  return `${renderTable(null, rows)}\n\nAttempts\n${table.split('\n').map((line) => `  ${line}`).join('\n')}`;
}
