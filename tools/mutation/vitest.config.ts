// The vitest run Stryker uses: the root config (aliases to src/, timeouts), narrowed to the test files that
// exercise the guarantee modules, without type tests. Fewer files per mutant keeps CI's mutation step short.
import { defineConfig } from 'vitest/config';
import root from '../../vitest.config.js';
import { providerPackages } from '../workspace/providers.js';

export default defineConfig({
  ...root,
  test: {
    ...root.test,
    include: [
      'packages/core/src/**/*.test.ts',
      'packages/xml/src/**/*.test.ts',
      // Every provider's tests (the one provider list, tools/workspace/providers.ts): a new one joins without an edit.
      ...providerPackages().map((p) => `${p.dir}/src/**/*.test.ts`),
      'tools/reliability/boundaries.test.ts',
      'tools/reliability/validation-messages.test.ts',
      'tools/reliability/response-shape.test.ts',
      'tools/reliability/secret-hygiene.test.ts',
      'tools/telemetry/spans.test.ts',
      'tools/telemetry/no-secrets.test.ts',
      'tools/telemetry/instrumenter.test.ts',
    ],
    typecheck: { enabled: false },
  },
});
