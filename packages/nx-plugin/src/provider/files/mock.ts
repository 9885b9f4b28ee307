// The simulator stub under packages/mock/src/simulators/<id>/: the credentials it accepts, the spec's operations
// as the generic spec stub needs them, and the factory `npm run generate` registers in the mock's list.
import type { StubOperation } from '../../../../mock/src/spec-stub/simulator.js';
import type { ProviderPlan } from '../plan.js';
import { literal } from './literal.js';

export function mockFiles(plan: ProviderPlan): Record<string, string> {
  const T = plan.typeName;
  const credentials = Object.fromEntries(plan.credentials.map((c, i) => [c.option, `mock-${plan.id}-${c.option}-${(0x5eed0 + i).toString(16)}`]));
  const operations = plan.operations.map(
    (op): StubOperation => ({
      id: op.id,
      method: op.method,
      path: op.path,
      unsafe: op.unsafe,
      credentials: plan.credentials.flatMap((c) => (c.carried ? [c.carried] : [])),
      ...(op.bodySchema ? { body: op.bodySchema } : {}),
      status: op.status,
      example: op.result,
    }),
  );
  const unchecked = plan.credentials.filter((c) => !c.carried).map((c) => c.option);
  const credentialType = `{ ${plan.credentials.map((c) => `${c.option}: string`).join('; ')} }`;
  return {
    'credentials.ts': `// The credentials this simulator accepts unless told otherwise. Distinctive values, so a leak is easy to find.
export const credentials = ${literal(credentials)} as const;
`,
    'operations.ts': `// The operations of specs/${plan.id}.yaml as the stub checks and answers them (scaffolded by the provider
// generator from the spec: its schemas and examples).${unchecked.length ? `\n// Not checked by the stub (a scheme it cannot read): ${unchecked.join(', ')}.` : ''}
import type { StubOperation } from '../../spec-stub/simulator.js';

export const operations: readonly StubOperation[] = ${literal(operations)};
`,
    'simulator.ts': `// ${plan.name}: a stub scaffolded from specs/${plan.id}.yaml. It checks the credentials and each JSON body against the
// spec and answers the spec's examples. Replace it piece by piece with what the vendor does (its state, its
// error documents, its limits), as packages/mock/src/simulators/finerworks does, each with a test.
import { createSpecStubSimulator, type SpecStubSimulator } from '../../spec-stub/simulator.js';
import type { SimulatorOptions } from '../../types.js';
import { operations } from './operations.js';

export type ${T}Simulator = SpecStubSimulator;

export function create${T}Simulator(options: SimulatorOptions & { credentials: ${credentialType} }): ${T}Simulator {
  return createSpecStubSimulator('${plan.id}', operations, options.credentials);
}
`,
  };
}
