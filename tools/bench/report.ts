// What every section hands back, and the Markdown helpers that turn it into BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from './machine.js';
import { machineLine } from './machine.js';
import type { Measurement } from './targets.js';

export interface Target {
  what: string;
  goal: string;
  measured: string;
  met: boolean;
}

export interface SectionResult {
  title: string;
  /** The section's body: tables and notes (without its heading). */
  markdown: string;
  /** Targets of earlier issues that this section judges itself. */
  targets: Target[];
  /** Figures for issue 14's targets table (tools/bench/targets.ts), by row. */
  measurements?: Measurement[];
  /** How long the section took to run. */
  ms: number;
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const ratio = (r: number) => `${r.toFixed(2)}×`;
export const verdict = (met: boolean) => (met ? 'met' : '**missed**');

export interface ReportInput {
  machine: Machine;
  smoke: boolean;
  startedAt: Date;
  totalMs: number;
  /** 1-minute load average at the start and the end: a busy machine slows everything, and this says so. */
  load: [number, number];
  staleBuild: readonly string[];
  /** Issue 14's targets table, already rendered (targets.ts). */
  issueTargets: string;
  sections: SectionResult[];
}

export function renderReport({ machine, smoke, startedAt, totalMs, load, staleBuild, issueTargets, sections }: ReportInput): string {
  const targets = sections.flatMap((s) => s.targets.map((t) => [s.title, t.what, t.goal, t.measured, verdict(t.met)]));
  return [
    '# creditkit benchmarks',
    '',
    `Written by \`npm run bench\` (tools/bench/) on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${smoke ? ' — **smoke run: too few samples to mean anything, only proves every section runs**' : ''}.`,
    `Machine: ${machineLine(machine)}; 1-minute load average ${fmt(load[0], 1)} at the start, ${fmt(load[1], 1)} at the end. Whole run: ${fmt(totalMs / 1000, 0)} s.`,
    ...(staleBuild.length ? [`**Warning: src/ was newer than dist/ in ${staleBuild.join(', ')}; those figures are of the last build.**`] : []),
    'Every figure is a median across runs or rounds (never the best one); each section says how many. Re-run it on',
    'your own machine: `npm run build && npm run bench` (`-- --smoke` runs every section in seconds, for CI).',
    '',
    '## Targets',
    '',
    'Issue 14, judged in this one run: each ratio is the median of per-round ratios over interleaved rounds (section 1),',
    'each cold import the median of differences to a bare `node -e \'\'` spawned next to it (section 5), each bundle one esbuild build (section 2).',
    '',
    issueTargets,
    '',
    // Hand-written, kept beside the bench: what bounds each target this code does not meet, with its measurements.
    readFileSync(join(import.meta.dirname, 'unmet-targets.md'), 'utf8').trim(),
    '',
    ...(targets.length ? ['Earlier targets, still judged:', '', table(['section', 'what', 'target', 'measured', ''], targets), ''] : []),
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.markdown.trim(), '', `_Section time: ${fmt(s.ms / 1000, 1)} s._`, '']),
  ].join('\n');
}
