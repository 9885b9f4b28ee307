import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tools/build/tsup.js';

export default defineConfig([
  libraryConfig(['src/index.ts'], { platform: 'node' }),
  libraryConfig(['src/bin.ts'], { platform: 'node', format: ['esm'], dts: false, clean: false }),
]);
