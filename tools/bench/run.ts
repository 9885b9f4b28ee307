// `npm run bench` — measures creditkit side by side with raw clients and peers, in one run, writes
// BENCHMARKS.md and prints issue 14's targets table. `--help` lists the modes (USAGE below).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runBundle } from './bundle.js';
import { runColdStart } from './cold-start.js';
import { runFreshConnection } from './fresh-connection.js';
import { runGeneration } from './generation.js';
import { describeMachine } from './machine.js';
import { type BenchOptions, benchOptions } from './options.js';
import { runOverhead } from './overhead.js';
import { checkBuilt, providerPackages, ROOT } from './providers.js';
import { renderReport, type SectionResult } from './report.js';
import { runResponseValidation } from './response-validation.js';
import { runStores } from './stores.js';
import { runTelemetry } from './telemetry.js';
import { targetRows, targetsTable } from './targets.js';
import { runXmlDecode } from './xml-decode.js';

/** In the order of the report; each title is numbered by its place here. */
const sectionsFor = (options: BenchOptions): [string, () => Promise<SectionResult>][] => [
  ['overhead', () => runOverhead(options.overhead)],
  ['bundle', () => runBundle()],
  ['xml', () => runXmlDecode(options.xml)],
  ['generation', () => runGeneration(options.generation)],
  ['cold-start', () => runColdStart(options.coldStart)],
  ['response-validation', () => runResponseValidation(options.responseValidation)],
  ['fresh-connection', () => runFreshConnection(options.freshConnection)],
  ['stores', () => runStores(options.stores)],
  ['telemetry', () => runTelemetry(options.telemetry)],
];
const SECTION_NAMES = sectionsFor(benchOptions(true)).map(([name]) => name);
/** The sections that measure issue 14's targets (tools/bench/targets.ts). */
const TARGET_SECTIONS = ['overhead', 'bundle', 'cold-start'];

const USAGE = `npm run bench [-- options]   (run \`npm run build\` first: the bench measures dist/)

  (no option)        every section, full counts (~5 min); writes BENCHMARKS.md, prints the targets table
  --targets          only the sections issue 14's targets need (overhead, bundle, cold-start), full counts
                     (~3 min); prints the targets table, writes nothing unless --out is given
  --smoke            every section with tiny counts (seconds; for CI: proves the bench runs, measures
                     nothing); prints the whole report instead of writing it
  --only a,b         only these sections: ${SECTION_NAMES.join(', ')}
  --out FILE         write the report to FILE instead
  --help             this text
`;

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const smoke = args.includes('--smoke');
const targetsOnly = args.includes('--targets');
const out = flag('--out') ?? (smoke || targetsOnly ? undefined : join(ROOT, 'BENCHMARKS.md'));
const only = targetsOnly ? TARGET_SECTIONS : flag('--only')?.split(',');
if (args.includes('--help')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const unknown = only?.filter((name) => !SECTION_NAMES.includes(name)) ?? [];
if (unknown.length) {
  console.error(`unknown section(s) ${unknown.join(', ')}\n\n${USAGE}`);
  process.exit(2);
}
const options = benchOptions(smoke);

const SECTIONS = sectionsFor(options);

// Every provider on the one provider list (a new one is checked without an edit here), and what they import.
const { missing, stale } = checkBuilt(['core', 'xml', ...providerPackages().map((p) => p.id)]);
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
const issueTargets = targetsTable(sections.flatMap((s) => s.measurements ?? []));
const report = renderReport({
  machine: describeMachine(),
  smoke,
  startedAt,
  totalMs: performance.now() - began,
  load: [loadBefore, loadavg()[0]!],
  staleBuild: stale,
  issueTargets,
  sections,
});
if (out) {
  writeFileSync(out, report);
  process.stderr.write(`bench: wrote ${out}\n`);
}
// The whole report when it is not written to a file (it opens with the targets), else the targets table.
process.stdout.write(out || targetsOnly ? `\nIssue 14 targets${smoke ? ' (smoke run: figures mean nothing)' : ''}:\n\n${issueTargets}\n` : report);

const verdicts = targetRows(sections.flatMap((s) => s.measurements ?? [])).map((row) => row.verdict);
const tally = [...new Set(verdicts)].map((v) => `${verdicts.filter((x) => x === v).length} ${v}`).join(', ');
const missed = sections.flatMap((s) => s.targets.filter((t) => !t.met));
process.stderr.write(
  `bench: issue 14: ${tally}; ` +
    `earlier targets: ${sections.reduce((n, s) => n + s.targets.length, 0) - missed.length} met, ${missed.length} missed (figures, not a test: exit 0)\n`,
);
