// Section 5: what importing a provider costs a fresh Node process (the built ESM, as an app loads it),
// against a bare `node -e ''` that loads nothing. Runs interleave the subjects; figures are medians, and the
// cost over bare Node is the median of per-sample differences to a bare spawn right next to each sample, so
// that a busy machine's drift between spawns hits both sides of a difference alike.
import { spawnSync } from 'node:child_process';
import type { BenchOptions } from './options.js';
import { providerPackages, ROOT } from './providers.js';
import { fmt, type SectionResult, table } from './report.js';
import { iqr, median } from './stats.js';
import type { Measurement } from './targets.js';

type Options = BenchOptions['coldStart'];

/** The packages issue 14's cold-import rows are judged on, one per wire format. */
export const IMPORT_TARGET_PACKAGES = { importJson: '@creditkit/finerworks', importXml: '@creditkit/safecreative' } as const;

interface Subject {
  label: string;
  /** The package imported; none for the two baselines. */
  specifier?: string;
  args: string[];
}

/** The child times its own import too, so the figure is free of process start-up noise. */
const script = (specifier: string | undefined) =>
  `const t = performance.now();${specifier ? ` await import(${JSON.stringify(specifier)});` : ''} process.stdout.write(String(performance.now() - t));`;

const BARE: Subject = { label: "bare `node -e ''` (the baseline)", args: ['-e', ''] };
const importing = (specifier?: string): Subject => ({
  label: specifier ? `\`import '${specifier}'\`` : 'nothing, ESM `-e` with the timing script only',
  ...(specifier ? { specifier } : {}),
  args: ['--input-type=module', '-e', script(specifier)],
});

function once(s: Subject): { wallMs: number; importMs: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, s.args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${s.label} failed: ${result.stderr}`);
  return { wallMs, importMs: s.args[0] === '-e' ? Number.NaN : Number(result.stdout) };
}

export async function runColdStart(o: Options): Promise<SectionResult> {
  const began = performance.now();
  // core, xml and fast-xml-parser alone explain the providers' rows.
  const subjects: Subject[] = [BARE, importing(), ...['@creditkit/core', '@creditkit/xml', 'fast-xml-parser', ...providerPackages().map((p) => p.name)].map(importing)];
  const samples = new Map<Subject, { wallMs: number; importMs: number; overBareMs: number }[]>(subjects.map((s) => [s, []]));
  once(BARE); // the first spawn warms the OS file cache for all alike
  const measured = subjects.filter((s) => s !== BARE);
  for (let r = 0; r < o.runs; r++) {
    for (let i = 0; i < measured.length; i++) {
      const s = measured[(i + r) % measured.length]!;
      // The adjacent bare spawn goes first in even runs and second in odd ones, so neither side always follows.
      const bareFirst = r % 2 === 0;
      const before = bareFirst ? once(BARE) : undefined;
      const sample = once(s);
      const bare = before ?? once(BARE);
      samples.get(s)!.push({ ...sample, overBareMs: sample.wallMs - bare.wallMs });
      samples.get(BARE)!.push({ ...bare, overBareMs: 0 });
    }
  }
  /** Per sample, this subject's process wall minus that of the bare spawn next to it. */
  const overBare = (s: Subject) => samples.get(s)!.map((x) => x.overBareMs);
  const signed = (ms: number) => `${ms >= 0 ? '+' : '−'}${fmt(Math.abs(ms), 1)} ms`;
  const rows = subjects.map((s) => {
    const wall = median(samples.get(s)!.map((x) => x.wallMs));
    const imp = median(samples.get(s)!.map((x) => x.importMs));
    const [low, high] = iqr(overBare(s));
    return [s.label, `${fmt(wall, 1)} ms`, s === BARE ? '—' : `${signed(median(overBare(s)))} (IQR ${signed(low)} – ${signed(high)})`, Number.isNaN(imp) ? '—' : `${fmt(imp, 1)} ms`];
  });
  const bySpecifier = (name: string) => subjects.find((s) => s.specifier === name)!;
  const importOf = (name: string) => median(samples.get(bySpecifier(name))?.map((x) => x.importMs) ?? []);
  const measurements: Measurement[] = Object.entries(IMPORT_TARGET_PACKAGES).map(([id, name]) => {
    const diffs = overBare(bySpecifier(name));
    return { id: id as keyof typeof IMPORT_TARGET_PACKAGES, value: median(diffs), iqr: iqr(diffs), samples: diffs.length, note: `\`${name}\`` };
  });
  const markdown = `
Each run is a fresh Node process in the repo root: a bare \`node -e ''\` (the baseline: Node's own start-up and exit),
or \`node --input-type=module -e …\` importing the package by name (its built \`dist/index.js\` through the workspace
link) with a dynamic \`import()\`, ${o.runs} runs per row (the baseline row pools all the paired bare spawns), interleaved, after one discarded spawn; every sample is paired with
a bare spawn right before or after it (alternating). "Process wall" is spawn to exit as the parent sees it; "over
bare node" is the median (and interquartile range) of the differences to the paired bare spawn, which is what
issue 14's cold-import rows judge; "import" is timed inside the child around the \`import()\` alone. The second row
is the ESM entry's own cost, with nothing imported.

${table(['process', 'process wall (median)', 'over bare node', 'import (median)'], rows)}

Importing fast-xml-parser alone takes ${fmt(importOf('fast-xml-parser'), 1)} ms of the XML providers' ${fmt(importOf('@creditkit/accountadmin'), 1)} / ${fmt(importOf('@creditkit/safecreative'), 1)} ms
(a JSON provider: ${fmt(importOf('@creditkit/finerworks'), 1)} ms): the same dependency that dominates their bundles dominates their start-up.
`;
  return { title: 'Cold start', markdown, targets: [], measurements, ms: performance.now() - began };
}
