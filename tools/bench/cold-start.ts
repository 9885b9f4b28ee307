// Section 5: what importing a provider costs a fresh Node process (the built ESM, as an app loads it),
// against a process that imports nothing. Runs interleave the packages; figures are medians.
import { spawnSync } from 'node:child_process';
import type { BenchOptions } from './options.js';
import { providerPackages, ROOT } from './providers.js';
import { fmt, type SectionResult, table } from './report.js';
import { median } from './stats.js';

type Options = BenchOptions['coldStart'];

/** The child times its own import too, so the figure is free of process start-up noise. */
const script = (specifier: string | undefined) =>
  `const t = performance.now();${specifier ? ` await import(${JSON.stringify(specifier)});` : ''} process.stdout.write(String(performance.now() - t));`;

function once(specifier: string | undefined): { wallMs: number; importMs: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script(specifier)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`importing ${specifier ?? 'nothing'} failed: ${result.stderr}`);
  return { wallMs, importMs: Number(result.stdout) };
}

export async function runColdStart(o: Options): Promise<SectionResult> {
  const began = performance.now();
  // core, xml and fast-xml-parser alone explain the providers' rows.
  const subjects: (string | undefined)[] = [undefined, '@creditkit/core', '@creditkit/xml', 'fast-xml-parser', ...providerPackages().map((p) => p.name)];
  const samples = new Map<string | undefined, { wallMs: number; importMs: number }[]>(subjects.map((s) => [s, []]));
  once(undefined); // the first spawn warms the OS file cache for all alike
  for (let r = 0; r < o.runs; r++) {
    for (let i = 0; i < subjects.length; i++) {
      const s = subjects[(i + r) % subjects.length];
      samples.get(s)!.push(once(s));
    }
  }
  const baseWall = median(samples.get(undefined)!.map((x) => x.wallMs));
  const importOf = (s: string) => median(samples.get(s)?.map((x) => x.importMs) ?? []);
  const rows = subjects.map((s) => {
    const wall = median(samples.get(s)!.map((x) => x.wallMs));
    const imp = median(samples.get(s)!.map((x) => x.importMs));
    return [s ? `\`import '${s}'\`` : 'nothing (`node -e` baseline)', `${fmt(wall, 1)} ms`, s ? `${wall >= baseWall ? '+' : '−'}${fmt(Math.abs(wall - baseWall), 1)} ms` : '—', s ? `${fmt(imp, 1)} ms` : '—'];
  });
  const markdown = `
Each run is a fresh \`node --input-type=module -e …\` in the repo root importing the package by name (its built
\`dist/index.js\` through the workspace link), ${o.runs} runs per row, interleaved, after one discarded spawn. "Process wall"
is spawn to exit as the parent sees it; "import" is timed inside the child around the dynamic \`import()\`.

${table(['import', 'process wall (median)', 'over baseline', 'import (median)'], rows)}

Importing fast-xml-parser alone takes ${fmt(importOf('fast-xml-parser'), 1)} ms of the XML providers' ${fmt(importOf('@creditkit/accountadmin'), 1)} / ${fmt(importOf('@creditkit/safecreative'), 1)} ms
(a JSON provider: ${fmt(importOf('@creditkit/finerworks'), 1)} ms): the same dependency that dominates their bundles dominates their start-up.
`;
  return { title: 'Cold start', markdown, targets: [], ms: performance.now() - began };
}
