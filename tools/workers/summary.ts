// The report of a workers soak: per store, the intents and how they ended, kills and restarts, what the
// simulators counted (records per intent, tokens, clock reads, 429s), the quota phases side by side, findings.
import { total } from './checks.js';
import type { RunReport } from './store-run.js';

const list = (counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

export function formatRun(r: RunReport): string {
  const lines = [`store ${r.label}: ${r.seconds.toFixed(1)} s`];
  const t = r.tally;
  if (t) {
    lines.push(
      `  intents ${t.intents}: applied ${t.states.applied ?? 0}, failed ${t.states.failed ?? 0}, in_doubt ${t.states.in_doubt ?? 0} (with a simulator record ${t.inDoubtWithRecord}, without ${t.inDoubtWithout}); lost ${t.states.lost ?? 0}; still claimed/sent ${(t.states.claimed ?? 0) + (t.states.sent ?? 0)}`,
    );
  }
  lines.push(
    `  main phase: ${r.main.ms.toFixed(0)} ms, kills ${r.main.kills}, restarts ${r.main.restarts}; worker calls: ${list(r.main.outcomes)}`,
    `  applied twice (simulator ledgers): ${r.duplicates}; simulator records: ${t?.records ?? 'n/a'}`,
    `  2sms tokens fetched: ${r.tokensFetched} (bound: restarts + 1 = ${r.main.restarts + 1}); Safe Creative clock reads: ${r.clockReads}; software_DNA 429s: ${r.dna429s}`,
  );
  if (r.quotaPhases) {
    const { off, on } = r.quotaPhases;
    lines.push(`  Fusebill 429s, quotas off vs on: ${off.tooMany} vs ${on.tooMany} (${off.ms.toFixed(0)} ms vs ${on.ms.toFixed(0)} ms; calls off: ${list(off.outcomes)}; on: ${list(on.outcomes)})`);
  }
  if (r.reconciled) lines.push(`  reconcile pass: ${list(r.reconciled)}`);
  for (const [name, items] of Object.entries(r.findings)) for (const item of items.slice(0, 8)) lines.push(`  FINDING ${name}: ${item}`);
  if (total(r.findings) > 0) lines.push(`  findings: ${Object.entries(r.findings).filter(([, v]) => v.length).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
  return lines.join('\n');
}
