import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tools/build/tsup.js';

export default defineConfig(libraryConfig(['src/index.ts', 'src/internal.ts', 'src/node.ts', 'src/node.browser.ts', 'src/otel.ts']));
