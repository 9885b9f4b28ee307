// Issue 14's targets: its rows, their limits, and how a measurement is judged and shown. Sections hand back
// measurements by row id; the table always lists every row, so a skipped section shows as "not measured"
// instead of silently dropping its rows.
import { kb, table } from './report.js';

export type TargetId =
  | 'sequential'
  | 'concurrent'
  | 'cpu'
  | 'axiosSequential'
  | 'axiosConcurrent'
  | 'gotSequential'
  | 'gotConcurrent'
  | 'importJson'
  | 'importXml'
  | 'bundleJson'
  | 'bundleXml';

export interface Measurement {
  id: TargetId;
  /** The figure judged: a median ratio, milliseconds or bytes. */
  value: number;
  /** The interquartile range of the samples the median came from (rounds or runs). */
  iqr?: [number, number];
  /** How many samples (rounds or runs) the median is of; none for a single deterministic figure (a bundle). */
  samples?: number;
  /** Which package or comparison the figure is of, where the row leaves it open. */
  note?: string;
}

interface IssueTarget {
  id: TargetId;
  what: string;
  goal: string;
  unit: 'ratio' | 'ms' | 'bytes';
  limit: number;
  /** "Faster" means strictly below the limit; every other row allows equality. */
  strict?: boolean;
}

export const ISSUE_TARGETS: readonly IssueTarget[] = [
  { id: 'sequential', what: 'creditkit FinerWorks call, time per request, sequential', goal: '≤ 1.5× raw `node:http`', unit: 'ratio', limit: 1.5 },
  { id: 'concurrent', what: 'same, 16 in flight', goal: '≤ 1.5× raw `node:http`', unit: 'ratio', limit: 1.5 },
  { id: 'cpu', what: 'client CPU per request (sequential)', goal: '≤ 1.5× raw `node:http`', unit: 'ratio', limit: 1.5 },
  { id: 'axiosSequential', what: 'against axios, time per request, sequential', goal: '< 1× (faster)', unit: 'ratio', limit: 1, strict: true },
  { id: 'axiosConcurrent', what: 'against axios, time per request, 16 in flight', goal: '< 1× (faster)', unit: 'ratio', limit: 1, strict: true },
  { id: 'gotSequential', what: 'against got, time per request, sequential', goal: '< 1× (faster)', unit: 'ratio', limit: 1, strict: true },
  { id: 'gotConcurrent', what: 'against got, time per request, 16 in flight', goal: '< 1× (faster)', unit: 'ratio', limit: 1, strict: true },
  { id: 'importJson', what: 'cold import over bare `node`, JSON provider', goal: '≤ 15 ms', unit: 'ms', limit: 15 },
  { id: 'importXml', what: 'cold import over bare `node`, XML provider', goal: '≤ 45 ms', unit: 'ms', limit: 45 },
  { id: 'bundleJson', what: 'bundle, JSON provider (gzip, everything included)', goal: '≤ 9 kB', unit: 'bytes', limit: 9_000 },
  { id: 'bundleXml', what: 'bundle, XML provider (gzip, everything included)', goal: '≤ 30 kB', unit: 'bytes', limit: 30_000 },
];

/** Below this many rounds or runs a median says too little to judge a target on (a `--smoke` run). */
export const MIN_SAMPLES = 5;

export type Verdict = 'met' | 'not met' | 'not measured' | 'too few samples';

export function judge(target: IssueTarget, m: Measurement | undefined): Verdict {
  if (!m || !Number.isFinite(m.value)) return 'not measured';
  if (m.samples !== undefined && m.samples < MIN_SAMPLES) return 'too few samples';
  return (target.strict ? m.value < target.limit : m.value <= target.limit) ? 'met' : 'not met';
}

function show(unit: IssueTarget['unit'], n: number): string {
  if (unit === 'ratio') return `${n.toFixed(2)}×`;
  if (unit === 'ms') return `${n < 0 ? '−' : ''}${Math.abs(n).toFixed(1)} ms`;
  return kb(n);
}

function measured(target: IssueTarget, m: Measurement | undefined): string {
  if (!m || !Number.isFinite(m.value)) return '—';
  const spread = m.iqr ? ` (IQR ${show(target.unit, m.iqr[0])} – ${show(target.unit, m.iqr[1])})` : '';
  const count = m.samples === undefined ? '' : `, ${m.samples} ${target.unit === 'ms' ? 'runs' : 'rounds'}`;
  return `${show(target.unit, m.value)}${spread}${m.note ? `, ${m.note}` : ''}${count}`;
}

/** Every issue row with its figure and verdict, in the issue's order. */
export function targetRows(measurements: readonly Measurement[]): { target: IssueTarget; measured: string; verdict: Verdict }[] {
  const byId = new Map(measurements.map((m) => [m.id, m]));
  return ISSUE_TARGETS.map((target) => ({ target, measured: measured(target, byId.get(target.id)), verdict: judge(target, byId.get(target.id)) }));
}

export function targetsTable(measurements: readonly Measurement[]): string {
  const rows = targetRows(measurements).map(({ target, measured, verdict }) => [target.what, target.goal, measured, verdict === 'not met' ? '**not met**' : verdict]);
  return table(['target (issue 14)', 'goal', 'measured: median (IQR)', ''], rows);
}
