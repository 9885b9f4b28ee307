import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tools/build/tsup.js';

export default defineConfig(libraryConfig(['src/index.ts']));
