// `npm run docs` / `npm run docs:check`: the API reference of every published package, built by TypeDoc from
// the TSDoc comments in src and written as markdown to docs/reference/ (issue 17), one module per public
// entry point read from the packages' "exports" maps (tools/api/entry-points.ts, never a hand-kept list).
// Markdown, committed, because it reads on GitHub and from an npm README link without a site to host.
//
//   docs        rewrites docs/reference/.
//   docs:check  builds into .tmp/docs/reference and fails when it differs from the committed one (like
//               api:check). Either fails on any TypeDoc warning: a broken {@link}, an undocumented export, a
//               public type that no entry point exports.
//
// Left out: the browser build of `@creditkit/core/node` (same names as the Node one, stubs) and nothing else.
// `@creditkit/core/internal` is in, as the provider authors' API: the generator's packages and
// `@creditkit/xml`'s `Codec` build on it.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { Application, type DocumentationEntryPoint, OptionDefaults, type TypeDocOptions } from 'typedoc';
import type { PluginOptions } from 'typedoc-plugin-markdown';
import { repoRoot } from '../release/workspace.js';
import { documentedEntryPoints, missingReadmeLinks, referenceFolder } from './reference-entries.js';

const tempReferenceFolder = join(repoRoot, '.tmp', 'docs', 'reference');

async function build(out: string): Promise<boolean> {
  const entries = documentedEntryPoints();
  const options: Partial<TypeDocOptions & PluginOptions> = {
    entryPoints: entries.map((e) => e.source),
    tsconfig: join(import.meta.dirname, 'tsconfig.json'),
    // Imports of another creditkit package resolve to its src, so cross-package types link inside the reference.
    compilerOptions: { paths: Object.fromEntries(entries.map((e) => [e.specifier, [e.source]])) },
    plugin: ['typedoc-plugin-markdown'],
    out,
    readme: 'none',
    name: 'creditkit API reference',
    // No source links: line numbers would change the committed reference at every edit of src.
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    hideGenerator: true,
    sort: ['kind', 'alphabetical'],
    // openapi-typescript writes a schema's description as `@description` in the generated types.
    blockTags: [...OptionDefaults.blockTags, '@description'],
    validation: { notExported: true, invalidLink: true, invalidPath: true, rewrittenLink: true, notDocumented: true, unusedMergeModuleWith: true },
    // Every exported declaration has a doc comment. Their members too would be ~350 more (most of them in the
    // generated schema types, whose text comes from the specs): not yet.
    requiredToBeDocumented: ['Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias'],
    // Every documented package, not only the root one (TypeDoc's default).
    packagesRequiringDocumentation: [...new Set(entries.map((e) => e.pkg))],
    treatWarningsAsErrors: true,
    treatValidationWarningsAsErrors: true,
    // typedoc-plugin-markdown
    outputFileStrategy: 'modules',
    entryFileName: 'README.md',
  };
  const app = await Application.bootstrapWithPlugins(options);
  // Modules are named by their import specifier (`@creditkit/core/node`), not by their path under packages/.
  const bySource = new Map(entries.map((e) => [e.source, e.specifier]));
  const defined = app.getEntryPoints.bind(app);
  app.getEntryPoints = () =>
    defined()?.map((e): DocumentationEntryPoint => ({ ...e, displayName: bySource.get(e.sourceFile.fileName) ?? e.displayName }));
  const project = await app.convert();
  if (!project) return false;
  app.validate(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) return false;
  rmSync(out, { recursive: true, force: true });
  await app.generateOutputs(project);
  return !app.logger.hasErrors() && !app.logger.hasWarnings();
}

function diff(committed: string, expected: string): string {
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '--', committed, expected], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    // The first lines are enough to see what changed; the command below rewrites the rest.
    const lines = String((error as { stdout?: string }).stdout ?? error).split('\n');
    return lines.length > 200 ? [...lines.slice(0, 200), `… ${lines.length - 200} more lines`].join('\n') : lines.join('\n');
  }
}

async function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const check = values.check ?? false;
  const started = Date.now();
  const out = check ? tempReferenceFolder : referenceFolder;
  if (!(await build(out))) {
    console.error('\nTypeDoc reported problems (above). Fix the doc comments in src; the reference is built with no warnings.');
    process.exit(1);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const unlinked = missingReadmeLinks();
  if (unlinked.length) {
    console.error(`${unlinked.join('\n')}\nEach package README links to its reference page (an "API reference" section).`);
    process.exit(1);
  }
  if (!check) {
    console.log(`API reference written to ${relative(repoRoot, out)} in ${seconds} s.`);
    return;
  }
  const changes = existsSync(referenceFolder) ? diff(relative(repoRoot, referenceFolder), relative(repoRoot, out)) : 'docs/reference/ is missing';
  if (changes) {
    console.error(`${changes}\ndocs/reference/ is out of date with the doc comments: run \`npm run docs\` and commit docs/reference/.`);
    process.exit(1);
  }
  console.log(`API reference built with no warnings in ${seconds} s; docs/reference/ is up to date.`);
}

await main();
