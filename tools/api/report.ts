// `npm run api:check` / `npm run api:update`: one API Extractor report per public entry point of every
// published package, committed under api-reports/ (issue 14). Reads the built .d.ts, so build first.
//
//   check   fails when a report differs from the committed one, is missing, or is left over from an entry
//           point that is gone; prints the diff, the package and entry point, and the command that updates
//           it. CI runs this after the build.
//   update  rewrites api-reports/; its diff is what a reviewer sees of a public change.
//
// Optional package filters: `npm run api:check -- core xml` (directory names under packages/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ConsoleMessageId, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { repoRoot } from '../release/workspace.js';
import { type EntryPoint, entryPoints, reportFolder, tempReportFolder } from './entry-points.js';
import { normalizeReport } from './report-text.js';

const baseConfigPath = join(import.meta.dirname, 'api-extractor.base.json');
const rel = (path: string) => relative(repoRoot, path);
const reportFile = (folder: string, entry: EntryPoint) => join(folder, `${entry.reportName}.api.md`);

/** Runs API Extractor on one entry point; returns its normalized report and the messages that fail it. */
function extract(entry: EntryPoint): { report: string; problems: string[] } {
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
  const out = reportFile(tempReportFolder, entry);
  rmSync(out, { force: true });
  const problems: string[] = [];
  Extractor.invoke(config, {
    // Local mode only writes the report; this script does the comparing.
    localBuild: true,
    messageCallback: (message) => {
      message.handled = true;
      if (message.category === 'console' && message.messageId !== ConsoleMessageId.Diagnostics) return;
      if (message.logLevel !== ExtractorLogLevel.Error && message.logLevel !== ExtractorLogLevel.Warning) return;
      problems.push(`${message.logLevel}: ${message.formatMessageWithLocation(repoRoot)}`);
    },
  });
  if (!existsSync(out)) problems.push(`error: API Extractor wrote no report (${rel(out)})`);
  const report = existsSync(out) ? normalizeReport(readFileSync(out, 'utf8')) : '';
  writeFileSync(out, report);
  return { report, problems };
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

  const failures: string[] = [];
  for (const entry of entries) {
    const label = `${entry.pkg.name} "${entry.subpath}" (${entry.conditions})`;
    const committedPath = reportFile(reportFolder, entry);
    const { report, problems } = extract(entry);
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : undefined;
    const changed = committed !== report;
    if (update && changed && report) writeFileSync(committedPath, report);
    const status = problems.length ? 'FAIL' : !changed ? 'ok' : update ? 'updated' : 'CHANGED';
    console.log(`${status.padEnd(8)}${label} -> ${rel(committedPath)}`);
    for (const p of problems) console.log(`        ${p}`);
    if (problems.length) failures.push(`${label}: API Extractor reported problems (above)`);
    if (update || !changed) continue;
    if (committed === undefined) {
      console.log(`        no committed report: ${rel(committedPath)} is missing`);
      failures.push(`${label}: has no committed report ${rel(committedPath)}`);
    } else {
      console.log(diff(rel(committedPath), rel(reportFile(tempReportFolder, entry))));
      failures.push(`${label}: its public API differs from ${rel(committedPath)}`);
    }
  }
  // A report whose entry point is gone (a removed subpath or package) would silently stay behind.
  if (!positionals.length) {
    const expected = new Set(all.map((e) => `${e.reportName}.api.md`));
    for (const stale of readdirSync(reportFolder).filter((f) => f.endsWith('.api.md') && !expected.has(f))) {
      const path = join(reportFolder, stale);
      if (update) {
        rmSync(path);
        console.log(`removed ${rel(path)} (no such entry point any more)`);
      } else failures.push(`${rel(path)} belongs to no entry point any more`);
    }
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
