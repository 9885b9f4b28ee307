// One build recipe for every package: ESM (.js) + CJS (.cjs) with declarations for both.
import type { Options } from 'tsup';
import { keepClassNames } from './keep-class-names.js';

export function libraryConfig(entry: string[], extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    platform: 'neutral',
    treeshake: true,
    // Shared chunks, so every entry point sees the same error classes (instanceof must hold across them).
    splitting: true,
    outDir: 'dist',
    // Classes keep their own names (`ApiError`, not the bundler's `_ApiError`): users see `name` in every
    // error message and stack, and match on `constructor.name`.
    plugins: [keepClassNames],
    ...extra,
  };
}
