// Intent records as the store holds them (key `intent:<id>` in a provider account's scope), read across scopes.
// A record is read defensively: the store may be shared with other writers and older versions.
import { INTENT_PREFIX, INTENT_STATES, type IntentState, type IntentValue, intentKey, type StateStore } from '@creditkit/core';
import { CommandError } from '../command-error.js';
import { UsageError } from '../usage-error.js';

export interface FoundIntent {
  readonly id: string;
  readonly scope: string;
  readonly state: string;
  readonly value: Partial<IntentValue>;
}

export function checkState(state: string | undefined): IntentState | undefined {
  if (state === undefined || (INTENT_STATES as readonly string[]).includes(state)) return state as IntentState | undefined;
  throw new UsageError(`--state must be one of ${INTENT_STATES.join(', ')}; got '${state}'`, 'e.g. creditkit intents list --state in_doubt');
}

export async function listIntents(store: StateStore, filter: { state?: IntentState; provider?: string }): Promise<FoundIntent[]> {
  const listed = await store.list({ prefix: INTENT_PREFIX, ...(filter.state ? { state: filter.state } : {}) });
  return listed
    .map(({ scope, key, record }) => ({ id: key.slice(INTENT_PREFIX.length), scope, state: record.state, value: recordValue(record.value) }))
    .filter((intent) => filter.provider === undefined || intent.value.provider === filter.provider)
    .sort((a, b) => (b.value.updatedAt ?? 0) - (a.value.updatedAt ?? 0) || a.id.localeCompare(b.id));
}

/** Every record of the intent id, whatever account it is in (the same id in two accounts: two records). */
export async function findIntent(store: StateStore, id: string): Promise<FoundIntent[]> {
  const key = intentKey(id);
  const found = (await store.list({ prefix: key })).filter((r) => r.key === key);
  if (found.length === 0) {
    throw new CommandError(`no intent '${id}' in the store (${store.name})`, {
      status: 'validation',
      hint: 'check the id and the store (--store / CREDITKIT_STORE); `creditkit intents list` shows what it holds',
    });
  }
  return found.map(({ scope, record }) => ({ id, scope, state: record.state, value: recordValue(record.value) }));
}

const recordValue = (value: unknown): Partial<IntentValue> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<IntentValue>) : {});
