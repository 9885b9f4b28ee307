import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tools/build/tsup.js';

// The library face (`run`, exit codes) as ESM + CJS; the `creditkit` bin as ESM only (tsup keeps its shebang).
export default defineConfig([
  libraryConfig(['src/index.ts'], { platform: 'node' }),
  libraryConfig(['src/bin.ts'], { platform: 'node', format: ['esm'], dts: false, clean: false }),
]);
