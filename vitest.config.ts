import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests run against the sources (no build needed): every @creditkit/* import resolves to its src/.
const packages = readdirSync(resolve(import.meta.dirname, 'packages'));
const alias = [
  // What a bundler resolves @creditkit/core/node to under the `browser` condition (not a published subpath):
  // lets a test show what a provider does in a browser bundle.
  { find: /^@creditkit\/core\/node\/browser$/, replacement: resolve(import.meta.dirname, 'packages/core/src/node.browser.ts') },
  { find: /^@creditkit\/core\/node$/, replacement: resolve(import.meta.dirname, 'packages/core/src/node.ts') },
  { find: /^@creditkit\/core\/internal$/, replacement: resolve(import.meta.dirname, 'packages/core/src/internal.ts') },
  { find: /^@creditkit\/core\/otel$/, replacement: resolve(import.meta.dirname, 'packages/core/src/otel.ts') },
  ...packages.map((name) => ({ find: new RegExp(`^@creditkit/${name}$`), replacement: resolve(import.meta.dirname, `packages/${name}/src/index.ts`) })),
];

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tools/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.soak.test.ts'],
    testTimeout: 20_000,
    typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
