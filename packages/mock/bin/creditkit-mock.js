#!/usr/bin/env node
// `creditkit-mock`: a committed entry point, so npm links the bin at install time, before dist/ is built (a bin
// pointing into dist/ is skipped by `npm ci` on a fresh clone). The command itself is dist/bin.js.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('creditkit-mock: not built yet (no dist/bin.js): run `npm run build` in the repository first');
  process.exit(1);
}
await import(entry.href);
