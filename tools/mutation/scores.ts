// Prints the mutation score per guarantee module from Stryker's JSON report, and fails when a module falls
// below its floor (stryker.config.json's thresholds.break guards the total; this guards each module).
// `npm run test:mutation` runs it after Stryker; `--markdown` prints the table for RELIABILITY.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The lowest score each module may have (per cent): the measured score less ~2 points of slack; raise it as tests get stronger. */
const FLOORS: Record<string, number> = {
  'packages/core/src/plugins/retry.ts': 88,
  'packages/core/src/plugins/idempotency.ts': 98,
  'packages/core/src/pipeline/retry-loop.ts': 93,
  'packages/core/src/pipeline/key.ts': 98,
  'packages/core/src/pipeline/attempt.ts': 88,
  'packages/core/src/redact.ts': 93,
  'packages/core/src/plugins/validation.ts': 89,
  'packages/core/src/decode/response.ts': 89,
  'packages/core/src/transport/transport.ts': 93,
  'packages/xml/src/decode.ts': 96,
  'packages/safecreative/src/signature.ts': 98,
  'packages/safecreative/src/signed-query.ts': 89,
  'packages/core/src/store/intents.ts': 85,
  'packages/core/src/pipeline/intent.ts': 98,
  'packages/core/src/store/memory-store.ts': 92,
  'packages/core/src/store/stored-error.ts': 85,
  'packages/core/src/telemetry/call-trace.ts': 98,
  'packages/core/src/telemetry/traced-events.ts': 93,
  'packages/core/src/telemetry/otel-instrumenter.ts': 91,
};

interface Mutant {
  status: string;
}
const root = resolve(import.meta.dirname, '../..');
const report = JSON.parse(readFileSync(resolve(root, 'reports/mutation/mutation.json'), 'utf8')) as { files: Record<string, { mutants: Mutant[] }> };

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const rows: { file: string; killed: number; survived: number; noCoverage: number; score: number }[] = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  const relative = file.startsWith(root) ? file.slice(root.length + 1) : file;
  const counted = mutants.filter((m) => COUNTED.has(m.status));
  const detected = counted.filter((m) => DETECTED.has(m.status)).length;
  rows.push({
    file: relative,
    killed: detected,
    survived: counted.filter((m) => m.status === 'Survived').length,
    noCoverage: counted.filter((m) => m.status === 'NoCoverage').length,
    score: counted.length ? (100 * detected) / counted.length : 100,
  });
}
rows.sort((a, b) => a.file.localeCompare(b.file));
const markdown = process.argv.includes('--markdown');
const line = (cells: (string | number)[]) => (markdown ? `| ${cells.join(' | ')} |` : cells.map((c, i) => String(c).padEnd(i ? 10 : 48)).join(''));
console.log(line(['module', 'score %', 'killed', 'survived', 'no coverage']));
if (markdown) console.log('|---|---|---|---|---|');
for (const r of rows) console.log(line([r.file, r.score.toFixed(1), r.killed, r.survived, r.noCoverage]));

const low = rows.filter((r) => r.score < (FLOORS[r.file] ?? 0));
const missing = Object.keys(FLOORS).filter((f) => !rows.some((r) => r.file === f));
for (const r of low) console.error(`mutation score of ${r.file} is ${r.score.toFixed(1)}%, below its floor of ${FLOORS[r.file]}%`);
for (const f of missing) console.error(`no mutation result for ${f}: is it still in stryker.config.json's mutate list?`);
if (low.length || missing.length) process.exit(1);
