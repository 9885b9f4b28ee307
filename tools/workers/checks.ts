// What a store run must show, counted by the simulators (their ledgers, searched by the intent id each purchase
// carries) against what the shared store says of each intent: none applied twice; every intent ended applied,
// failed or in doubt, none lost; an applied intent has exactly one record, a failed one none, one in doubt at
// most one; 2sms tokens fetched at most once per worker start; proactive quotas cut Fusebill's 429s.
import type { IntentValue, ListedRecord, StoredRecord } from '@creditkit/core';
import type { MockServer } from '@creditkit/mock';
import type { Intent } from './intents.js';

export const FINAL_STATES = ['applied', 'failed', 'in_doubt'] as const;

export interface Findings {
  /** More than one simulator record for one intent. */
  duplicates: string[];
  /** An intent the store does not hold. */
  lost: string[];
  /** Still claimed or sent after the reconcile pass. */
  unfinished: string[];
  /** Applied without exactly one record, or failed with one. */
  mismatched: string[];
  /** 2sms tokens fetched beyond one per worker start. */
  tokens: string[];
  /** Proactive quotas did not cut the 429s. */
  quotas: string[];
  /** Unhandled rejections in a worker: a promise of the client's that no one awaited. */
  unhandled: string[];
}

export const emptyFindings = (): Findings => ({ duplicates: [], lost: [], unfinished: [], mismatched: [], tokens: [], quotas: [], unhandled: [] });
export const total = (f: Findings) => Object.values(f).reduce((n, list) => n + list.length, 0);

export interface IntentTally {
  intents: number;
  states: Record<string, number>;
  /** In doubt, split by what the simulator holds. */
  inDoubtWithRecord: number;
  inDoubtWithout: number;
  /** Simulator records across all intents. */
  records: number;
}

/** Each intent's store record against its ledger entries. */
export function checkIntents(intents: readonly Intent[], listed: readonly ListedRecord[], mock: MockServer, into: Findings): IntentTally {
  const stored = new Map<string, StoredRecord>();
  for (const { key, record } of listed) stored.set(key.replace(/^intent:/, ''), record);
  const tally: IntentTally = { intents: intents.length, states: {}, inDoubtWithRecord: 0, inDoubtWithout: 0, records: 0 };
  for (const intent of intents) {
    const records = intent.case.purchases!(mock, intent.id);
    tally.records += records;
    const record = stored.get(intent.id);
    const state = record?.state;
    const where = `${intent.id} (${intent.case.label}): ${state ?? 'not in the store'}, ${records} simulator record(s)${record ? `; ${story(record)}` : ''}`;
    tally.states[state ?? 'lost'] = (tally.states[state ?? 'lost'] ?? 0) + 1;
    if (records > 1) into.duplicates.push(where);
    if (state === undefined) into.lost.push(where);
    else if (!(FINAL_STATES as readonly string[]).includes(state)) into.unfinished.push(where);
    else if ((state === 'applied' && records !== 1) || (state === 'failed' && records !== 0)) into.mismatched.push(where);
    if (state === 'in_doubt') tally[records === 1 ? 'inDoubtWithRecord' : 'inDoubtWithout']++;
  }
  return tally;
}

/** What the intent record says happened: its end, and each attempt (worker, error, ambiguous) — to explain a finding. */
function story(record: StoredRecord): string {
  const v = record.value as unknown as IntentValue;
  const attempts = v.attempts.map((a) => `${a.worker.slice(0, 4)}#${a.attempt}:${a.error ?? 'ok'}${a.ambiguous ? '?' : ''}`).join(' ');
  return `error ${v.error?.name ?? 'none'}${v.definitive ? ' (definitive)' : ''}, mayBeApplied ${String(v.mayBeApplied)}, attempts [${attempts}]`;
}

export function checkTokens(fetched: number, restarts: number, into: Findings): void {
  if (fetched > restarts + 1) into.tokens.push(`2sms tokens fetched ${fetched} times, more than the workers' restarts + 1 (${restarts + 1})`);
}

export function checkUnhandled(phase: string, unhandled: Record<string, number>, into: Findings): void {
  for (const [reason, n] of Object.entries(unhandled)) into.unhandled.push(`${phase}: ${n} unhandled rejection(s) in workers: ${reason}`);
}

export function checkQuotas(off: number, on: number, into: Findings): void {
  if (!(on < off)) into.quotas.push(`Fusebill answered ${on} 429s with proactive quotas on, not fewer than the ${off} with them off`);
}
