// Section 4: how long code generation takes. `npm run generate` in a fresh process (cold), the Nx targets
// without and with their cache, and the generator on synthetic specs with 10× and 100× the operations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './options.js';
import { ROOT } from './providers.js';
import { fmt, type SectionResult, table, type Target } from './report.js';
import { median } from './stats.js';

type Options = BenchOptions['generation'];

const COLD_TARGET_MS = 5_000;
const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };

/** Wall time of one command, which must succeed; its stdout for the figures it prints. */
function run(command: string, args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, env: NX_ENV, encoding: 'utf8', timeout: 300_000 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const nx = (...args: string[]) => run(join(ROOT, 'node_modules/.bin/nx'), ['run-many', '-t', 'generate', ...args]);

interface ScaleResult {
  factor: number;
  results: { spec: string; operations: number; ms: number; bytes: number }[];
}

export async function runGeneration(o: Options): Promise<SectionResult> {
  const began = performance.now();
  const cold: number[] = [];
  const inProcess: number[] = [];
  for (let i = 0; i < o.coldRuns; i++) {
    const { ms, stdout } = run('npm', ['run', 'generate', '--silent']);
    cold.push(ms);
    inProcess.push(Number(/in (\d+) ms/.exec(stdout)?.[1] ?? Number.NaN));
  }
  process.stderr.write('  generation: npm run generate done\n');

  const nxUncached: number[] = [];
  for (let i = 0; i < o.nxUncachedRuns; i++) nxUncached.push(nx('--skip-nx-cache').ms);
  // Fills the cache when the runs above skipped it (the smoke run trusts it is already warm).
  if (o.nxUncachedRuns) nx();
  const nxWarm: number[] = [];
  const warmOutputs: string[] = [];
  for (let i = 0; i < o.nxWarmRuns; i++) {
    const { ms, stdout } = nx();
    nxWarm.push(ms);
    warmOutputs.push(stdout);
  }
  const allHits = warmOutputs.every((out) => /from the cache instead of running the command for (\d+) out of \1 tasks/.test(out));
  process.stderr.write('  generation: nx done\n');

  const scales: ScaleResult[] = [];
  const wall: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'creditkit-bench-generate-'));
  try {
    for (const factor of o.scales) {
      const out = join(dir, `x${factor}`);
      const { ms, stdout } = run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'generate-scaled.ts'), String(factor), out]);
      scales.push(JSON.parse(stdout.trim().split('\n').pop()!) as ScaleResult);
      wall.push(ms);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write('  generation: synthetic specs done\n');

  const coldMedian = median(cold);
  const targets: Target[] = [{ what: '`npm run generate`, all specs, cold (fresh process)', goal: `< ${fmt(COLD_TARGET_MS / 1000)} s`, measured: `${fmt(coldMedian / 1000, 2)} s`, met: coldMedian < COLD_TARGET_MS }];
  const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
  const runRows = [
    ['`npm run generate` (npm + tsx start-up + 5 specs), cold', s(coldMedian), String(cold.length)],
    ['… of which generating the 5 specs (its own "in N ms")', s(median(inProcess)), String(inProcess.length)],
    ['`nx run-many -t generate --skip-nx-cache` (5 tasks, 2 in parallel)', s(median(nxUncached)), String(nxUncached.length)],
    [`\`nx run-many -t generate\`, cache warm${allHits ? ' (every task a cache hit)' : ' (**not every task hit the cache**)'}`, s(median(nxWarm)), String(nxWarm.length)],
  ].filter((row) => row[2] !== '0');
  const base = scales[0]!;
  const scaleRows = scales.map((sc, i) => {
    const ops = sc.results.reduce((n, r) => n + r.operations, 0);
    const ms = sc.results.reduce((n, r) => n + r.ms, 0);
    const baseMs = base.results.reduce((n, r) => n + r.ms, 0);
    const bytes = sc.results.reduce((n, r) => n + r.bytes, 0);
    return [`${sc.factor}×`, String(ops), s(wall[i]!), s(ms), `${fmt(ms / ops, 0)} ms`, `${fmt(ms / baseMs, 1)}×`, `${fmt(bytes / 1e6, 2)} MB`];
  });
  const perSpec = scales.map((sc) => [`${sc.factor}×`, ...sc.results.map((r) => s(r.ms))]);

  const markdown = `
Wall times, median of the runs counted. The cold runs start a fresh process each (npm, then tsx loading the
generator, openapi-typescript and Ajv); the generated files are identical to the committed ones, so nothing is
rewritten. The Nx runs use the providers' \`generate\` targets (inputs: the spec and tools/codegen), Nx daemon off.

${table(['what', 'median', 'runs'], runRows)}

Growth with spec size: every spec in specs/ with each operation copied under new paths and operationIds (1× is the
real specs), generated by \`generateProvider(specPath)\` into a temporary folder, one fresh process per size, one run
each.

${table(['scale', 'operations (5 specs)', 'process wall', 'generateProvider total', 'per operation', `vs ${base.factor}×`, 'output'], scaleRows)}

${table(['scale', ...base.results.map((r) => r.spec.replace(/\.ya?ml$/, ''))], perSpec)}

A warm Nx run is only Nx's own start-up; a cold \`npm run generate\` is mostly process start-up and module loading
(npm, tsx, openapi-typescript, Ajv): the five specs themselves take ${s(median(inProcess))} of it. ${growth(scales)}
`;
  return { title: 'Generation', markdown, targets, ms: performance.now() - began };
}

/** One sentence on how generation time grows with the number of operations. */
function growth(scales: ScaleResult[]): string {
  if (scales.length < 2) return '';
  const total = (sc: ScaleResult) => sc.results.reduce((n, r) => n + r.ms, 0);
  const first = scales[0]!;
  const last = scales.at(-1)!;
  const factor = total(last) / total(first);
  const ops = last.factor / first.factor;
  return `${ops}× the operations took ${fmt(factor, 1)}× the time: ${factor < ops * 0.8 ? 'less than linear, because fixed costs (loading, the shared components) dominate small specs' : 'about linear in the number of operations'}.`;
}
