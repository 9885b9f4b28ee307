// The provider's walkthrough scenario (the CLI's `creditkit walkthrough`) and its reliability case (secret
// hygiene, the soak): one valid call from the spec's examples, and the failure modes the stub can show.
import type { PlannedOperation, ProviderPlan } from '../plan.js';
import { key, literal } from './literal.js';

/** The operation the walkthrough and the reliability tests drive: the first that buys, else the first. */
const mainOperation = (plan: ProviderPlan): PlannedOperation => {
  const op = plan.operations.find((o) => o.unsafe) ?? plan.operations[0];
  if (!op) throw new Error(`specs/${plan.id}.yaml has no operation`);
  return op;
};

export function scenarioFile(plan: ProviderPlan): string {
  const { id } = plan;
  const op = mainOperation(plan);
  const [wrong] = plan.credentials.filter((c) => c.carried);
  const buys = op.unsafe ? 1 : 0;
  const { [op.required ?? '']: _left, ...incomplete } = op.input;
  const failures = [
    op.required &&
      `    { mode: 'validation', operation: '${op.id}', input: ${literal(incomplete, '    ')}, expect: ValidationError, code: '${op.required} required', sends: 0, buys: 0 },`,
    wrong &&
      `    { mode: 'auth', operation: '${op.id}', input, client: { ${wrong.option}: 'not-the-${wrong.option}' }, expect: AuthenticationError, code: '401', sends: 1, buys: 0 },`,
    // A 429 is refused before any work is done, so even a purchase is sent again, and buys once.
    `    { mode: 'rate limit', operation: '${op.id}', input, arrange: one429('${id}'), expect: 'recovers', sends: 2, buys: ${buys} },`,
  ].filter(Boolean);
  const errors = [...(op.required ? ['ValidationError'] : []), ...(wrong ? ['AuthenticationError'] : [])].sort();
  return `// ${plan.name}: ${op.summary || op.id} (a stub scaffolded from specs/${id}.yaml, with the spec's example input); then
// the failure modes its simulator shows so far. Add the vendor's own (a provider error, a conflict) as the
// simulator learns them.
${errors.length ? `import { ${errors.join(', ')} } from '@creditkit/core';\n` : ''}import { provider } from '@creditkit/${id}';
import { defineScenario, one429 } from '../scenario.js';

const input = ${literal(op.input)};

export const ${id} = defineScenario({
  provider,
  success: {
    operation: '${op.id}',
    input,
    show: (result) => \`answered \${JSON.stringify(result).slice(0, 60)}\`,
    buys: ${buys},
  },
  purchases: (mock) => mock.simulators.${id}.accepted.filter((call) => call.unsafe).length,
  failures: [
${failures.join('\n')}
  ],
});
`;
}

export function reliabilityCaseFile(plan: ProviderPlan): string {
  const { id } = plan;
  const op = mainOperation(plan);
  const tagged = op.tagField ? `(tag) => ({ ...input, ${key(op.tagField)}: tag })` : '() => input';
  const purchases = op.unsafe
    ? op.tagField
      ? `\n    // The tag rides in ${op.tagField}: the calls the stub accepted that carry it.\n    purchases: (mock, tag) => mock.simulators.${id}.accepted.filter((call) => call.unsafe && JSON.stringify([call.params, call.body]).includes(JSON.stringify(tag))).length,`
      : `\n    // No free-text field to carry a tag: count what the simulator records for one call here, by hand.`
    : '';
  return `// ${plan.name}, as the reliability tests and the soak drive it (scaffolded from specs/${id}.yaml).
import { provider } from '@creditkit/${id}';
import { make, type ProviderCase } from '../provider-case.js';

const input = ${literal(op.input)};

export const cases: readonly ProviderCase[] = [
  {
    label: '${id}',
    id: '${id}',
    operation: '${op.id}',
    spec: provider.operations.${op.id}!,
    options: {},
    createClient: make(provider),
    input: ${tagged},${purchases}
  },
];
`;
}
