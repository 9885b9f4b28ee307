// What the API reference documents and where it lives: one module per public entry point of the published
// packages (read from their "exports" maps through tools/api/entry-points.ts), each on its own markdown page
// under docs/reference/, which each package README links to.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { entryPoints } from '../api/entry-points.js';
import { repoRoot } from '../release/workspace.js';

export const referenceFolder = join(repoRoot, 'docs', 'reference');
// Absolute, so a README's link works on npm as well as on GitHub.
export const referenceUrl = 'https://github.com/creditkit/creditkit/blob/main/docs/reference/';

export interface DocumentedEntryPoint {
  /** Package name. */
  pkg: string;
  /** Absolute path of the package folder. */
  pkgPath: string;
  /** What a user imports: `@creditkit/core`, `@creditkit/core/node`. Also the module's name and page path. */
  specifier: string;
  /** Absolute path of the source file TypeDoc reads (the .ts beside the built .d.ts's name, under src/). */
  source: string;
}

/**
 * Every public entry point but the browser build of `@creditkit/core/node`, which has the same names as the Node
 * one (stubs and the fetch fallback): one module per import specifier.
 */
export function documentedEntryPoints(root = repoRoot): DocumentedEntryPoint[] {
  return entryPoints(root)
    .filter((e) => !e.conditions.startsWith('browser'))
    .map((e) => ({
      pkg: e.pkg.name,
      pkgPath: e.pkg.path,
      specifier: e.subpath === '.' ? e.pkg.name : `${e.pkg.name}${e.subpath.slice(1)}`,
      source: join(e.pkg.path, 'src', `${relative(join(e.pkg.path, 'dist'), e.dts).replace(/\.d\.ts$/, '')}.ts`),
    }));
}

/** The page of an entry point, as a README links to it. */
export const referencePageUrl = (entry: Pick<DocumentedEntryPoint, 'specifier'>) => `${referenceUrl}${entry.specifier}.md`;

/** The README of each published package links to the reference page of each of its entry points. */
export function missingReadmeLinks(root = repoRoot): string[] {
  return documentedEntryPoints(root).flatMap((e) => {
    const readme = join(e.pkgPath, 'README.md');
    const link = referencePageUrl(e);
    const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
    return text.includes(`](${link})`) ? [] : [`${relative(root, readme)} has no link to ${link}`];
  });
}
