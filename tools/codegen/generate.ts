// `npm run generate` — turns every spec in specs/ into its package's src/generated/ folder, and writes the
// mock's and the CLI's provider lists from the provider packages' package.json.
// `npm run generate -- --check` writes nothing and fails when any generated file is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { generateLists } from './generate-lists.js';
import { generateProvider } from './generate-provider.js';

const root = resolve(import.meta.dirname, '../..');
const check = process.argv.includes('--check');
const specDir = join(root, 'specs');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
// Dotfiles (`.redocly.lint-ignore.yaml`) and the linter's config are not specs.
const specs = readdirSync(specDir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('redocly') && !f.startsWith('.') && (!only || f.replace(/\.ya?ml$/, '') === only));
if (only && !specs.length) throw new Error(`no spec named ${only} in specs/`);

const stale: string[] = [];
const started = performance.now();
for (const specFile of specs.sort()) {
  const files = await generateProvider(join(specDir, specFile));
  const outDir = join(root, 'packages', files.packageDir, 'src', 'generated');
  const wanted = new Set(Object.keys(files.files));
  const existing = existsSync(outDir) ? readdirSync(outDir) : [];
  for (const name of existing) if (!wanted.has(name)) {
    stale.push(join(outDir, name));
    if (!check) rmSync(join(outDir, name));
  }
  for (const [name, content] of Object.entries(files.files)) {
    const target = join(outDir, name);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
    stale.push(target);
    if (!check) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(target, content);
    }
  }
  console.log(`${check ? 'checked' : 'generated'} ${basename(specFile)} -> packages/${files.packageDir}/src/generated (${wanted.size} files)`);
}
// The provider lists of the mock and the CLI, from the provider packages' package.json (on a full run).
if (!only) {
  const lists = generateLists(root);
  for (const [file, content] of Object.entries(lists)) {
    const target = join(root, file);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
    stale.push(target);
    if (!check) {
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, content);
    }
  }
  console.log(`${check ? 'checked' : 'generated'} provider lists -> ${Object.keys(lists).join(', ')}`);
}
const ms = Math.round(performance.now() - started);
if (check && stale.length) {
  console.error(`Generated code is stale; run \`npm run generate\` and commit:\n  ${stale.map((f) => f.slice(root.length + 1)).join('\n  ')}`);
  process.exit(1);
}
console.log(`${check ? 'up to date' : `${stale.length} file(s) written`} in ${ms} ms`);
