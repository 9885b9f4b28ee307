// Runs one provider's scenario against the simulators: each step through the generated client, judged
// against what the scenario expects (the outcome, the error's code, and what the simulator saw and recorded),
// with the exit code the command would give for it.
import type { CreditkitError, LogLine } from '@creditkit/core';
import type { MockServer } from '@creditkit/mock';
import { EXIT_CODES } from '../exit-codes.js';
import { describeFailure } from '../report-failure.js';
import { errorCode, operationRequests, type Seen, stateProblems } from './checks.js';
import { type FailureStep, type Scenario, successCalls } from './scenario.js';

export interface StepRecord {
  provider: string;
  providerName: string;
  operation: string;
  /** `success`, or the failure mode shown. */
  step: string;
  /** Went as the scenario expects. */
  ok: boolean;
  /** One line: the result, or the error the command would print. */
  outcome: string;
  /** What `creditkit <provider> <operation>` would exit with. */
  exitCode: number;
  retries: number;
  ms: number;
}

type Expectation =
  | { kind: 'result'; show: (result: never) => string }
  | { kind: 'recovery' }
  | { kind: 'error'; type: abstract new (...args: any[]) => CreditkitError; code?: string };

interface PlannedStep {
  step: string;
  operation: string;
  input: unknown;
  client?: Record<string, unknown>;
  arrange?: (mock: MockServer) => unknown;
  expect: Expectation;
  seen: Seen;
}

type Settled = { result: unknown } | { error: unknown };

export async function runScenario(scenario: Scenario<any>, mock: MockServer, onStep: (record: StepRecord) => void): Promise<StepRecord[]> {
  const { provider } = scenario;
  const records: StepRecord[] = [];
  for (const planned of plan(scenario)) {
    const retryReasons: string[] = [];
    const client = provider.createClient({
      ...(mock.credentials as Record<string, object | undefined>)[provider.id],
      baseUrl: mock.url(provider.id),
      logger: (line: LogLine) => void (line.event === 'retry.scheduled' && retryReasons.push(String(line.reason))),
      ...planned.client,
    }) as Record<string, (input: unknown) => Promise<unknown>>;
    const undo = planned.arrange?.(mock);
    const before: Seen = { sends: operationRequests(mock, provider.id), buys: scenario.purchases(mock) };
    const started = performance.now();
    const settled: Settled = await client[planned.operation]!(planned.input).then((result) => ({ result }), (error: unknown) => ({ error }));
    mock.faults.clear();
    if (typeof undo === 'function') undo();
    const seen: Seen = { sends: operationRequests(mock, provider.id) - before.sends, buys: scenario.purchases(mock) - before.buys };
    const judged = withState(judge(planned.expect, settled, retryReasons, { provider, operation: planned.operation }), stateProblems(planned.seen, seen));
    const record = { provider: provider.id, providerName: provider.name, operation: planned.operation, step: planned.step, ...judged, retries: retryReasons.length, ms: Math.round(performance.now() - started) };
    records.push(record);
    onStep(record);
  }
  return records;
}

/** Each operation's success call, then that operation's failures; failures of an operation without a success call last. */
function plan(scenario: Scenario<any>): PlannedStep[] {
  const successes = successCalls(scenario);
  const covered = new Set(successes.map((s) => s.operation));
  return [
    ...successes.flatMap((success) => [
      { step: 'success', operation: success.operation, input: success.input, expect: { kind: 'result', show: success.show }, seen: { sends: 1, buys: success.buys } } as PlannedStep,
      ...failureSteps(scenario.failures.filter((f) => f.operation === success.operation)),
    ]),
    ...failureSteps(scenario.failures.filter((f) => !covered.has(f.operation))),
  ];
}

function failureSteps(failures: readonly FailureStep<any>[]): PlannedStep[] {
  return failures.map((f): PlannedStep => ({
      step: f.mode,
      operation: f.operation,
      input: f.input,
      ...(f.client ? { client: f.client } : {}),
      ...(f.arrange ? { arrange: f.arrange } : {}),
      expect: f.expect === 'recovers' ? { kind: 'recovery' } : { kind: 'error', type: f.expect, ...(f.code !== undefined ? { code: f.code } : {}) },
      seen: { sends: f.sends, buys: f.buys },
    }));
}

function judge(expect: Expectation, settled: Settled, retryReasons: string[], ctx: Parameters<typeof describeFailure>[1]): Pick<StepRecord, 'ok' | 'outcome' | 'exitCode'> {
  if ('error' in settled) {
    const { line, code } = describeFailure(settled.error, ctx);
    const ok = expect.kind === 'error' && settled.error instanceof expect.type;
    const actual = errorCode(settled.error);
    // The class is not enough: a refusal must be the one shown (InvalidSignature, not any ProviderError).
    if (ok && expect.code !== undefined && actual !== expect.code) return { ok: false, outcome: `${line} (code ${actual}, expected ${expect.code})`, exitCode: code };
    return { ok, outcome: ok ? line : `${line} (expected ${expected(expect)})`, exitCode: code };
  }
  const ok = { exitCode: EXIT_CODES.ok };
  if (expect.kind === 'result') return { ...ok, ok: true, outcome: expect.show(settled.result as never) };
  if (expect.kind === 'recovery' && retryReasons.length > 0) return { ...ok, ok: true, outcome: `${retryReasons[0]} → retried ${retryReasons.length}× → ok` };
  return { ...ok, ok: false, outcome: `succeeded (expected ${expected(expect)})` };
}

/** A step whose outcome was right but whose simulator record was not is a ✗, with the difference shown. */
function withState(judged: Pick<StepRecord, 'ok' | 'outcome' | 'exitCode'>, problems: string[]): Pick<StepRecord, 'ok' | 'outcome' | 'exitCode'> {
  if (!problems.length) return judged;
  return { ...judged, ok: false, outcome: `${judged.outcome} (${problems.join('; ')})` };
}

const expected = (e: Expectation) => (e.kind === 'error' ? e.type.name : e.kind === 'recovery' ? 'a failure the client rides out' : 'a result');
