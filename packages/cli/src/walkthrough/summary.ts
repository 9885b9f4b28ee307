// The walkthrough's output: a line per step as it happens, then one summary row per provider and operation.
import { renderTable } from '../output/table.js';
import type { StepRecord } from './run-scenario.js';

const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function stepLine(r: StepRecord): string {
  const exit = r.exitCode !== 0 ? `exit ${r.exitCode}` : r.step === 'success' ? '' : 'recovers';
  return `  ${r.ok ? '✓' : '✗'} ${r.step.padEnd(20)} ${exit.padEnd(9)} ${clip(r.outcome)}`;
}

export function summaryTable(records: readonly StepRecord[]): string {
  const groups = [...new Set(records.map((r) => `${r.provider}.${r.operation}`))];
  const rows = groups.map((group) => {
    const steps = records.filter((r) => `${r.provider}.${r.operation}` === group);
    const success = steps.find((r) => r.step === 'success');
    const failures = steps.filter((r) => r.step !== 'success');
    return [
      `${steps.every((r) => r.ok) ? '✓' : '✗'} ${steps[0]!.providerName}`,
      steps[0]!.operation,
      success?.ok ? 'ok' : 'FAILED',
      failures.map((f) => `${f.ok ? '' : '✗ '}${f.step} ${f.exitCode === 0 ? 'recovered' : f.exitCode}`).join(', '),
      `${steps.reduce((t, r) => t + r.ms, 0)} ms`,
    ];
  });
  return renderTable(['PROVIDER', 'OPERATION', 'CALL', 'FAILURE MODES SHOWN (exit code)', 'TIME'], rows);
}

export function verdict(records: readonly StepRecord[], ms: number): string {
  const providers = new Set(records.map((r) => r.provider)).size;
  const operations = new Set(records.map((r) => `${r.provider}.${r.operation}`)).size;
  const bad = records.filter((r) => !r.ok).length;
  const failures = records.filter((r) => r.step !== 'success').length;
  return bad === 0
    ? `✓ ${providers} provider${providers === 1 ? '' : 's'} (${operations} operation${operations === 1 ? '' : 's'}) called and ${failures} failure modes shown, all as expected, in ${(ms / 1000).toFixed(1)} s`
    : `✗ ${bad} of ${records.length} steps did not go as expected`;
}
