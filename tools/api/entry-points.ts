// The public entry points of the published packages, read from each package.json "exports" map (never a
// hand-kept list): one per distinct ESM .d.ts a condition points at. `@creditkit/core` has three: `.`,
// `./node` and the browser build of `./node`. The .d.cts twins are tsup's copies of the same declarations
// (attw in `npm run check:packages` checks they resolve), so they get no report of their own.
import { basename, join } from 'node:path';
import { publishable, repoRoot, type WorkspacePackage } from '../release/workspace.js';

export interface EntryPoint {
  pkg: WorkspacePackage;
  /** The exports subpath, e.g. `.` or `./node`. */
  subpath: string;
  /** Conditions on the way to the .d.ts, e.g. `browser > import`. */
  conditions: string;
  /** Absolute path of the built .d.ts. */
  dts: string;
  /** File name of the report without `.api.md`: `core`, `core-node`, `core-node.browser`. */
  reportName: string;
}

export const reportFolder = join(repoRoot, 'api-reports');
export const tempReportFolder = join(repoRoot, '.tmp', 'api');

function typesFiles(target: unknown, path: string[] = []): { conditions: string[]; file: string }[] {
  if (typeof target === 'string') return path.at(-1) === 'types' && target.endsWith('.d.ts') ? [{ conditions: path.slice(0, -1), file: target }] : [];
  if (!target || typeof target !== 'object') return [];
  return Object.entries(target).flatMap(([key, value]) => typesFiles(value, [...path, key]));
}

export function entryPoints(root = repoRoot): EntryPoint[] {
  return publishable(root).flatMap((pkg) => {
    const unscoped = pkg.name.replace(/^@[^/]+\//, '');
    const seen = new Set<string>();
    return Object.entries(pkg.json.exports ?? {})
      .filter(([subpath]) => subpath !== './package.json')
      .flatMap(([subpath, target]) =>
        typesFiles(target)
          .filter(({ file }) => !seen.has(file) && seen.add(file))
          .map(({ conditions, file }) => {
            const stem = basename(file, '.d.ts');
            return {
              pkg,
              subpath,
              conditions: conditions.join(' > ') || 'types',
              dts: join(pkg.path, file),
              reportName: stem === 'index' ? unscoped : `${unscoped}-${stem}`,
            };
          }),
      );
  });
}
