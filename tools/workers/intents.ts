// The intents the workers share: `order-<n>` for the main phase, spread over the four purchase cases (the
// reliability cases: each input carries the intent id where the simulator records it, so its ledger can be
// searched per intent), and `quota-off-<n>` / `quota-on-<n>` for the Fusebill-heavy quota phases.
import { MOCK_CREDENTIALS } from '@creditkit/mock';
import { CASES, type Operation, type ProviderCase } from '../reliability/providers.js';

const byLabel = (label: string) => {
  const found = CASES.find((c) => c.label === label);
  if (!found) throw new Error(`no reliability case '${label}'`);
  return found;
};

/** Fusebill (keyed by `reference`), 2sms (OAuth2, unsafe), FinerWorks (unsafe), Safe Creative (signed, unsafe). */
export const PURCHASE_CASES: readonly ProviderCase[] = ['fusebill', 'accountadmin (json)', 'finerworks', 'safecreative'].map(byLabel);
export const FUSEBILL = byLabel('fusebill');
/** software_DNA's credits query: no purchase, but a 429 with X-RateLimit-Reset that every worker should honour. */
export const QUERY_CASE = byLabel('softwaredna');

export interface Intent {
  id: string;
  case: ProviderCase;
}

export type Phase = 'main' | 'quota-off' | 'quota-on';

export function intentsOf(phase: Phase, count: number): Intent[] {
  if (phase === 'main') return Array.from({ length: count }, (_, i) => ({ id: `order-${i + 1}`, case: PURCHASE_CASES[i % PURCHASE_CASES.length]! }));
  return Array.from({ length: count }, (_, i) => ({ id: `${phase}-${i + 1}`, case: FUSEBILL }));
}

/** The case's operation on a client pointed at the simulators at `origin`, with their credentials. */
export function operationAt(c: ProviderCase, origin: string, options: Record<string, unknown>): Operation {
  const client = c.createClient({ ...MOCK_CREDENTIALS[c.id], baseUrl: `${origin}/${c.id}`, ...c.options, ...options });
  return client[c.operation]!;
}

/**
 * Worker `index`'s share of `intents`: each intent goes to `overlap` consecutive workers (of `workers`), so every
 * intent is worked on by several at once without every worker reading every record.
 */
export function sliceFor<T>(intents: readonly T[], index: number, workers: number, overlap: number): T[] {
  return intents.filter((_, i) => (index - (i % workers) + workers) % workers < Math.min(overlap, workers));
}

/** Fisher-Yates with a seeded generator: each worker its own order of the same intents. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
