import { describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '@creditkit/mock';
import { registry, scenarios } from './providers.js';
import { runCli } from './testing/run-cli.js';
import type { StepRecord } from './walkthrough/run-scenario.js';

describe('creditkit walkthrough', { timeout: 60_000 }, () => {
  it('calls every provider through the simulators, shows its failure modes and prints a summary', async () => {
    const { code, stdout, stderr } = await runCli(['walkthrough']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = stdout.slice(stdout.indexOf('\nSummary\n'));
    for (const p of registry.providers) expect(summary).toMatch(new RegExp(`✓ ${p.name}\\s+\\w+\\s+ok\\s+`));
    expect(stdout).not.toContain('✗');
    expect(stdout).toMatch(/all as expected, in \d+\.\d s\n$/);
    // Neither the simulators' credentials nor the wrong ones the failure steps use ever show.
    const secrets = [...Object.values(MOCK_CREDENTIALS).flatMap((c) => Object.values(c)), ...scenarios.flatMap((s) => s.failures.flatMap((f) => Object.values(f.client ?? {})))];
    for (const secret of secrets) expect(stdout).not.toContain(String(secret));
  });

  it('reports each step as JSON with the exit code the command would give', async () => {
    const { code, stdout } = await runCli(['walkthrough', '--json']);
    expect(code).toBe(0);
    const { ok, steps } = JSON.parse(stdout) as { ok: boolean; steps: StepRecord[] };
    expect(ok).toBe(true);
    expect(steps).toContainEqual(expect.objectContaining({ provider: 'finerworks', step: 'validation', exitCode: 3, ok: true }));
    expect(steps).toContainEqual(expect.objectContaining({ provider: 'finerworks', step: 'rate limit', exitCode: 0, retries: 1, ok: true }));
    for (const p of registry.providers) expect(steps.filter((s) => s.provider === p.id).map((s) => s.step)).toContain('success');
  });
});
