// Reading .changeset/: the pending changesets (as @changesets/parse reads them) and the config.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type Bump = 'major' | 'minor' | 'patch' | 'none';
export interface Changeset {
  file: string;
  releases: { name: string; type: Bump }[];
  summary: string;
}

const FRONTMATTER = /\s*---([\s\S]*?)\n\s*---(\s*(?:\n|$)[\s\S]*)/;
const BUMPS: readonly string[] = ['major', 'minor', 'patch', 'none'];

export function parseChangeset(file: string, text: string): Changeset {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter (expected ---\\n"@creditkit/core": patch\\n---)`);
  const data = (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: frontmatter must map package names to bump types`);
  const releases = Object.entries(data).map(([name, type]) => {
    if (typeof type !== 'string' || !BUMPS.includes(type)) throw new Error(`${file}: '${name}: ${String(type)}' is not one of ${BUMPS.join(', ')}`);
    return { name, type: type as Bump };
  });
  return { file, releases, summary: (match[2] ?? '').trim() };
}

/** Every pending changeset in `<root>/.changeset` (README.md and config are not changesets). */
export function readChangesets(root: string): Changeset[] {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => parseChangeset(`.changeset/${f}`, readFileSync(join(dir, f), 'utf8')));
}

export interface ChangesetConfig {
  baseBranch?: string;
  changedFilePatterns?: string[];
  [key: string]: unknown;
}

export function readChangesetConfig(root: string): ChangesetConfig {
  return JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as ChangesetConfig;
}

/** micromatch-style list: a file counts when it matches a pattern and no `!pattern`. */
export function matchesPatterns(file: string, patterns: readonly string[]): boolean {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return include.some((p) => globToRegExp(p).test(file)) && !exclude.some((p) => globToRegExp(p).test(file));
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
