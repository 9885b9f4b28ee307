// `npm run check:changesets`: every published package changed since the base carries a changeset.
//
// Base, first that applies:
//   1. `--base <ref>` or env CHANGESET_BASE: the merge base of that ref and HEAD;
//   2. a branch that is not on `origin/<baseBranch>`: the merge base with it (a pull request);
//   3. on the base branch itself (a clean clone of main): the previous commit, HEAD^ (for a merge, its
//      first parent: everything the merge brought in);
//   4. no previous commit (a root commit, or a depth-1 clone): nothing to compare; the check passes and says so.
// Changed = files under packages/<dir>/ that differ between the base and the working tree (uncommitted and
// untracked files included, so it also works before a commit), filtered by `changedFilePatterns` of
// .changeset/config.json (tests and Markdown do not need a release).
// A changed package is fine when a pending changeset names it (`none` included), when its version changed
// since the base (a `changeset version` commit), or when it did not exist at the base (its first release
// publishes the version in its package.json as is).
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { matchesPatterns, readChangesetConfig, readChangesets } from './changesets.js';
import { publishable, repoRoot } from './workspace.js';

export interface CheckResult {
  base?: { sha: string; reason: string };
  failures: string[];
  lines: string[];
}

const git = (root: string, args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tryGit = (root: string, args: string[]) => {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
};

export function resolveBase(root: string, explicit?: string): { sha: string; reason: string } | undefined {
  const baseBranch = readChangesetConfig(root).baseBranch ?? 'main';
  if (explicit) {
    const sha = tryGit(root, ['merge-base', explicit, 'HEAD']) ?? tryGit(root, ['rev-parse', '--verify', `${explicit}^{commit}`]);
    if (!sha) throw new Error(`base '${explicit}' is not a commit here (fetch it, or deepen a shallow clone)`);
    return { sha, reason: `merge base with ${explicit}` };
  }
  const remote = `origin/${baseBranch}`;
  if (tryGit(root, ['rev-parse', '--verify', '--quiet', `refs/remotes/${remote}`])) {
    const onBase = tryGit(root, ['merge-base', '--is-ancestor', 'HEAD', remote]) !== undefined;
    if (!onBase) {
      const sha = tryGit(root, ['merge-base', remote, 'HEAD']);
      if (sha) return { sha, reason: `merge base with ${remote}` };
    }
  }
  const previous = tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^']);
  return previous ? { sha: previous, reason: 'previous commit (HEAD^): HEAD is on the base branch' } : undefined;
}

function changedFiles(root: string, base: string): string[] {
  const diff = git(root, ['diff', '--name-only', '--no-renames', '-z', base, '--', 'packages']).split('\0');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', 'packages']).split('\0');
  return [...new Set([...diff, ...untracked].filter(Boolean))];
}

function versionAt(root: string, sha: string, dir: string): string | undefined {
  const text = tryGit(root, ['show', `${sha}:packages/${dir}/package.json`]);
  return text === undefined ? undefined : (JSON.parse(text) as { version?: string }).version;
}

export function checkChangesets(root = repoRoot, explicitBase?: string): CheckResult {
  const lines: string[] = [];
  const failures: string[] = [];
  const config = readChangesetConfig(root);
  const patterns = config.changedFilePatterns ?? ['**'];
  const packages = publishable(root);
  const changesets = readChangesets(root);
  const known = new Set(packages.map((p) => p.name));
  for (const cs of changesets) {
    for (const r of cs.releases) if (!known.has(r.name)) failures.push(`${cs.file} names ${r.name}, which is not a package here`);
  }
  const named = new Map<string, string[]>();
  for (const cs of changesets) for (const r of cs.releases) named.set(r.name, [...(named.get(r.name) ?? []), `${r.type} in ${cs.file}`]);
  lines.push(`pending changesets: ${changesets.length ? changesets.map((c) => c.file).join(', ') : 'none'}`);

  const base = resolveBase(root, explicitBase);
  if (!base) {
    lines.push('no base to compare with (root commit or a depth-1 clone): nothing to check. Set CHANGESET_BASE or deepen the clone to check.');
    return { failures, lines };
  }
  lines.push(`base: ${base.sha.slice(0, 12)} (${base.reason})`);
  const files = changedFiles(root, base.sha);
  for (const pkg of packages) {
    const prefix = `${relative(root, pkg.path)}/`;
    const touched = files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    const counted = touched.filter((f) => matchesPatterns(f, patterns));
    if (!counted.length) {
      lines.push(`  ${pkg.name.padEnd(24)} ${touched.length ? `only ${touched.length} file(s) that need no release (tests, Markdown)` : 'unchanged'}`);
      continue;
    }
    const sample = `${counted.slice(0, 3).join(', ')}${counted.length > 3 ? `, +${counted.length - 3} more` : ''}`;
    const before = versionAt(root, base.sha, pkg.dir);
    if (before === undefined) lines.push(`  ${pkg.name.padEnd(24)} new package: its first release publishes ${pkg.version} as is`);
    else if (before !== pkg.version) lines.push(`  ${pkg.name.padEnd(24)} released ${before} -> ${pkg.version}`);
    else if (named.has(pkg.name)) lines.push(`  ${pkg.name.padEnd(24)} changed (${sample}); changeset: ${named.get(pkg.name)!.join('; ')}`);
    else {
      lines.push(`  ${pkg.name.padEnd(24)} changed (${sample}) and NO changeset names it`);
      failures.push(`${pkg.name} changed without a changeset`);
    }
  }
  return { base, failures, lines };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  const result = checkChangesets(repoRoot, values.base ?? (process.env.CHANGESET_BASE || undefined));
  for (const line of result.lines) console.log(line);
  if (result.failures.length) {
    console.error(`\n${result.failures.join('\n')}\nAdd one with \`npx changeset\` (choose the packages and a bump; \`none\` when it needs no release), then commit the new .changeset/*.md.`);
    process.exit(1);
  }
  console.log('changesets: ok');
}
