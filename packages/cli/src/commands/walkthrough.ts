// `creditkit walkthrough`: the main job. Starts the simulators, runs every provider's scenario, prints a
// summary, stops the simulators; exits 0 only when every step went as expected.
import type { Secrets } from '@creditkit/core';
import { startMockServer } from '@creditkit/mock';
import type { Args } from '../args.js';
import { EXIT_CODES } from '../exit-codes.js';
import type { Io } from '../io.js';
import { toJson } from '../output/json.js';
import { scenarios } from '../providers.js';
import { runScenario, type StepRecord } from '../walkthrough/run-scenario.js';
import { stepLine, summaryTable, verdict } from '../walkthrough/summary.js';

export async function walkthroughCommand(args: Args, io: Io, secrets: Secrets): Promise<number> {
  const started = performance.now();
  const mock = await startMockServer();
  const records: StepRecord[] = [];
  try {
    const say = (text: string) => !args.json && io.out(text);
    say(`creditkit walkthrough: ${scenarios.length} provider${scenarios.length === 1 ? '' : 's'} against the simulators on ${mock.origin}`);
    for (const scenario of scenarios) {
      const { provider } = scenario;
      let shown: string | undefined;
      const onStep = (record: StepRecord) => {
        // A heading per operation, as its steps begin.
        if (record.operation !== shown) {
          shown = record.operation;
          const op = provider.operations[record.operation];
          say(`\n${provider.name} (${provider.id}) — ${op ? `${record.operation}: ${op.method} ${op.path}` : record.operation}`);
        }
        say(stepLine(record));
      };
      records.push(...(await runScenario(scenario, mock, onStep)));
    }
  } finally {
    await mock.close();
  }
  const ok = records.every((r) => r.ok);
  if (args.json) io.out(toJson({ ok, steps: records }, secrets));
  else io.out(`\nSummary\n${summaryTable(records)}\n\n${verdict(records, performance.now() - started)}`);
  return ok ? EXIT_CODES.ok : EXIT_CODES.unexpected;
}
