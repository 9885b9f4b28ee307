// `npm run api:check` / `npm run api:update`: one API Extractor report per public entry point of every
// published package, committed under api-reports/ (issue 14). Reads the built .d.ts, so build first.
//
//   check   fails when a report differs from the committed one (or is missing), prints the diff, the
//           package and entry point, and the command that updates it. CI runs this after the build.
//   update  rewrites the reports; the diff of api-reports/ is what a reviewer sees of a public change.
//
// Optional package filters: `npm run api:check -- core xml` (directory names under packages/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ConsoleMessageId, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { repoRoot } from '../release/workspace.js';
import { type EntryPoint, entryPoints, reportFolder, tempReportFolder } from './entry-points.js';

const baseConfigPath = join(import.meta.dirname, 'api-extractor.base.json');
const rel = (path: string) => relative(repoRoot, path);

interface Outcome {
  entry: EntryPoint;
  ok: boolean;
  changed: boolean;
  messages: string[];
}

function run(entry: EntryPoint, update: boolean): Outcome {
  const base = ExtractorConfig.loadFile(baseConfigPath);
  const config = ExtractorConfig.prepare({
    configObject: {
      ...base,
      projectFolder: entry.pkg.path,
      mainEntryPointFilePath: entry.dts,
      apiReport: { ...base.apiReport, enabled: true, reportFileName: entry.reportName },
    },
    configObjectFullPath: baseConfigPath,
    packageJsonFullPath: join(entry.pkg.path, 'package.json'),
  });
  const messages: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      message.handled = true;
      // Progress chatter and the report-changed notice (printed below, with the diff) stay out of the log.
      if (message.category === 'console' && message.messageId !== ConsoleMessageId.Diagnostics) return;
      if (message.logLevel === ExtractorLogLevel.None || message.logLevel === ExtractorLogLevel.Verbose) return;
      messages.push(`${message.logLevel}: ${message.formatMessageWithLocation(repoRoot)}`);
    },
  });
  // In check mode a changed report counts as a warning, which fails `succeeded`: judge errors apart.
  return { entry, ok: result.errorCount === 0 && (update || result.warningCount === 0), changed: result.apiReportChanged, messages };
}

function diff(committed: string, expected: string): string {
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '--', committed, expected], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { update: { type: 'boolean', default: false } } });
  const update = values.update ?? false;
  const all = entryPoints();
  const unknown = positionals.filter((p) => !all.some((e) => e.pkg.dir === p));
  if (unknown.length) throw new Error(`no published package named ${unknown.join(', ')} under packages/`);
  const entries = positionals.length ? all.filter((e) => positionals.includes(e.pkg.dir)) : all;
  const unbuilt = entries.filter((e) => !existsSync(e.dts));
  if (unbuilt.length) {
    console.error(`missing built declarations (run \`npm run build\` first):\n${unbuilt.map((e) => `  ${rel(e.dts)}`).join('\n')}`);
    process.exit(1);
  }
  mkdirSync(reportFolder, { recursive: true });
  mkdirSync(tempReportFolder, { recursive: true });

  const outcomes = entries.map((entry) => run(entry, update));
  const failures: string[] = [];
  for (const { entry, ok, changed, messages } of outcomes) {
    const report = join(reportFolder, `${entry.reportName}.api.md`);
    const label = `${entry.pkg.name} "${entry.subpath}" (${entry.conditions})`;
    const status = !ok && !changed ? 'FAIL' : changed ? (update ? 'updated' : 'CHANGED') : 'ok';
    console.log(`${status.padEnd(8)}${label} -> ${rel(report)}`);
    for (const m of messages) console.log(`        ${m}`);
    if (update) {
      if (!ok) failures.push(`${label}: API Extractor reported errors (above)`);
      continue;
    }
    if (changed) {
      const expected = join(tempReportFolder, `${entry.reportName}.api.md`);
      console.log(existsSync(report) ? diff(rel(report), rel(expected)) : `        no committed report: ${rel(report)} is missing`);
      failures.push(`${label}: its public API differs from ${rel(report)}`);
    } else if (!ok) failures.push(`${label}: API Extractor reported errors (above)`);
  }
  if (failures.length) {
    console.error(`\n${failures.length} API report problem(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    if (!update) {
      console.error(
        '\nIf the change to the public API is intended, run `npm run build && npm run api:update` and commit api-reports/ ' +
          'with it (the report diff is what review sees). If not, un-export or fix what changed.',
      );
    }
    process.exit(1);
  }
  console.log(`\n${entries.length} API report(s) ${update ? 'written' : 'match the committed ones'}.`);
}

main();
