// The vitest run Stryker uses: the root config (aliases to src/, timeouts), narrowed to the test files that
// exercise the guarantee modules, without type tests. Fewer files per mutant keeps CI's mutation step short.
import { defineConfig } from 'vitest/config';
import root from '../../vitest.config.js';

export default defineConfig({
  ...root,
  test: {
    ...root.test,
    include: [
      'packages/core/src/**/*.test.ts',
      'packages/xml/src/**/*.test.ts',
      'packages/safecreative/src/**/*.test.ts',
      'packages/{finerworks,fusebill,accountadmin,softwaredna}/src/**/*.test.ts',
      'tools/reliability/boundaries.test.ts',
      'tools/reliability/validation-messages.test.ts',
      'tools/reliability/response-shape.test.ts',
      'tools/reliability/secret-hygiene.test.ts',
      'tools/telemetry/spans.test.ts',
      'tools/telemetry/no-secrets.test.ts',
    ],
    typecheck: { enabled: false },
  },
});
