// `npm run bench` — measures creditkit side by side with raw clients and peers, in one run, and writes
// BENCHMARKS.md. `npm run bench -- --smoke` runs every section with tiny counts (for CI: proves the bench
// works, measures nothing) and prints the report instead of writing it. `--out FILE` writes it elsewhere;
// `--only overhead,bundle,xml,generation,cold-start,response-validation,fresh-connection` runs some sections.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runBundle } from './bundle.js';
import { runColdStart } from './cold-start.js';
import { runFreshConnection } from './fresh-connection.js';
import { runGeneration } from './generation.js';
import { describeMachine } from './machine.js';
import { benchOptions } from './options.js';
import { runOverhead } from './overhead.js';
import { checkBuilt, ROOT } from './providers.js';
import { renderReport, type SectionResult } from './report.js';
import { runResponseValidation } from './response-validation.js';
import { runXmlDecode } from './xml-decode.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const smoke = args.includes('--smoke');
const out = flag('--out') ?? (smoke ? undefined : join(ROOT, 'BENCHMARKS.md'));
const only = flag('--only')?.split(',');
const options = benchOptions(smoke);

/** In the order of the report; each title is numbered by its place here. */
const SECTIONS: [string, () => Promise<SectionResult>][] = [
  ['overhead', () => runOverhead(options.overhead)],
  ['bundle', () => runBundle()],
  ['xml', () => runXmlDecode(options.xml)],
  ['generation', () => runGeneration(options.generation)],
  ['cold-start', () => runColdStart(options.coldStart)],
  ['response-validation', () => runResponseValidation(options.responseValidation)],
  ['fresh-connection', () => runFreshConnection(options.freshConnection)],
];

const { missing, stale } = checkBuilt(['core', 'xml', 'finerworks', 'fusebill', 'softwaredna', 'accountadmin', 'safecreative']);
if (missing.length) {
  console.error(`The bench measures the built packages: run \`npm run build\` first (no dist/ in ${missing.join(', ')}).`);
  process.exit(2);
}
if (stale.length) console.error(`warning: src/ is newer than dist/ in ${stale.join(', ')}: \`npm run build\` to measure the current code.`);

const startedAt = new Date();
const began = performance.now();
const loadBefore = loadavg()[0]!;
const sections: SectionResult[] = [];
for (const [index, [name, run]] of SECTIONS.entries()) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const result = await run();
  result.title = `${index + 1}. ${result.title}`;
  process.stderr.write(`bench: ${name} took ${(result.ms / 1000).toFixed(1)} s\n`);
  sections.push(result);
}
const report = renderReport({
  machine: describeMachine(),
  smoke,
  startedAt,
  totalMs: performance.now() - began,
  load: [loadBefore, loadavg()[0]!],
  staleBuild: stale,
  sections,
});
if (out) {
  writeFileSync(out, report);
  process.stderr.write(`bench: wrote ${out}\n`);
} else process.stdout.write(report);

const missed = sections.flatMap((s) => s.targets.filter((t) => !t.met));
process.stderr.write(`bench: ${sections.reduce((n, s) => n + s.targets.length, 0) - missed.length} target(s) met, ${missed.length} missed (figures, not a test: exit 0)\n`);
