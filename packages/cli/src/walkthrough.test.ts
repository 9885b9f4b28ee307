import { describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, startMockServer } from '@creditkit/mock';
import { registry, scenarios } from './providers.js';
import { runCli } from '@creditkit/test-support/cli';
import { runScenario, type StepRecord } from './walkthrough/run-scenario.js';
import { type FailureStep, type Scenario, successCalls } from './walkthrough/scenario.js';

describe('creditkit walkthrough', { timeout: 60_000 }, () => {
  it('calls every provider through the simulators, shows its failure modes and prints a summary', async () => {
    const { code, stdout, stderr } = await runCli(['walkthrough']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = stdout.slice(stdout.indexOf('\nSummary\n'));
    // A row per operation of every provider: each spec operation is called and shows its failure modes.
    for (const p of registry.providers) for (const op of Object.keys(p.operations)) expect(summary).toMatch(new RegExp(`✓ ${p.name}\\s+${op}\\s+ok\\s+\\w`));
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
    for (const p of registry.providers) {
      for (const op of Object.keys(p.operations)) expect(steps.filter((s) => s.provider === p.id && s.operation === op).map((s) => s.step)).toContain('success');
    }
    // The new operations' own failure modes, each as the command would exit.
    expect(steps.filter((s) => s.operation === 'consumeCredits').map((s) => [s.step, s.exitCode, s.ok])).toEqual([
      ['success', 0, true], ['validation', 3, true], ['auth', 4, true], ['insufficient credits', 4, true], ['rate limit', 0, true], ['outcome unknown', 8, true],
    ]);
    expect(steps.filter((s) => s.operation === 'createCreditTransaction').map((s) => [s.step, s.exitCode, s.ok])).toEqual([
      ['success', 0, true], ['validation', 3, true], ['auth', 4, true], ['provider error', 6, true], ['rate limit', 0, true], ['outcome unknown', 8, true],
    ]);
  });
});

describe('the walkthrough checks itself', { timeout: 60_000 }, () => {
  // Each claim a step makes is really compared: a step whose claim is off by one is a ✗, with the difference shown.
  const perturbations: [string, (f: FailureStep<unknown>) => FailureStep<unknown>, RegExp][] = [
    ['requests seen', (f) => ({ ...f, sends: f.sends + 1 }), /the simulator saw \d+ request\(s\), expected \d+/],
    ['purchases recorded', (f) => ({ ...f, buys: f.buys + 1 }), /the simulator recorded \d+ purchase\(s\), expected \d+/],
    ['error code', (f) => ({ ...f, ...(f.expect === 'recovers' ? { sends: f.sends + 1 } : { code: `${f.code ?? ''}?` }) }), /code .*, expected |expected \d+/],
  ];

  it.each(perturbations)('a step that claims the wrong %s fails', async (_claim, perturb, shown) => {
    const mock = await startMockServer();
    try {
      for (const scenario of scenarios as Scenario<unknown>[]) {
        const records = await runScenario({ ...scenario, failures: scenario.failures.map(perturb) }, mock, () => {});
        for (const r of records.filter((x) => x.step === 'success')) expect(r.ok, `${scenario.provider.id} ${r.operation}: ${r.outcome}`).toBe(true);
        for (const r of records.filter((x) => x.step !== 'success')) {
          expect(r.ok, `${scenario.provider.id} ${r.step}: ${r.outcome}`).toBe(false);
          expect(r.outcome).toMatch(shown);
        }
      }
    } finally {
      await mock.close();
    }
  });

  it("expects Safe Creative's specific refusal in its auth step, not any ProviderError", () => {
    const auth = scenarios.find((s) => s.provider.id === 'safecreative')!.failures.find((f) => f.mode === 'auth')!;
    expect(auth).toMatchObject({ code: 'InvalidSignature (refused: authentication)', sends: 1, buys: 0 });
    // Every failure step names its error's code, or rides the failure out.
    for (const s of scenarios) for (const f of s.failures) expect(f.expect === 'recovers' || typeof f.code === 'string', `${s.provider.id} ${f.mode}`).toBe(true);
  });

  it('has a success call and failure modes for every operation of every provider', () => {
    for (const s of scenarios as Scenario<any>[]) {
      const operations = Object.keys(s.provider.operations).sort();
      expect(successCalls(s).map((c) => c.operation).sort(), s.provider.id).toEqual(operations);
      for (const op of operations) expect(s.failures.filter((f) => f.operation === op).length, `${s.provider.id}.${op}`).toBeGreaterThanOrEqual(3);
    }
  });
});
