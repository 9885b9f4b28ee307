// The CI changeset check on small throwaway git repos: what counts as a change, what covers it, which base.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { matchesPatterns, parseChangeset } from './changesets.js';
import { checkChangesets } from './check-changesets.js';

const PATTERNS = ['**', '!**/*.test.ts', '!**/*.test-d.ts', '!**/*.md'];

describe('changedFilePatterns', () => {
  it('counts shipped sources and metadata, not tests or Markdown', () => {
    for (const f of ['src/index.ts', 'src/generated/client.ts', 'package.json', 'LICENSE', 'tsup.config.ts']) expect(matchesPatterns(f, PATTERNS), f).toBe(true);
    for (const f of ['src/a.test.ts', 'src/types.test-d.ts', 'README.md', 'CHANGELOG.md']) expect(matchesPatterns(f, PATTERNS), f).toBe(false);
  });
});

describe('parseChangeset', () => {
  it('reads the frontmatter as changesets does', () => {
    const cs = parseChangeset('.changeset/x.md', '---\n"@creditkit/core": patch\n"@creditkit/xml": none\n---\n\nFix.\n');
    expect(cs.releases).toEqual([
      { name: '@creditkit/core', type: 'patch' },
      { name: '@creditkit/xml', type: 'none' },
    ]);
    expect(cs.summary).toBe('Fix.');
  });
  it('rejects an unknown bump and a missing frontmatter', () => {
    expect(() => parseChangeset('a.md', '---\n"@creditkit/core": huge\n---\n')).toThrow(/not one of/);
    expect(() => parseChangeset('a.md', 'just text')).toThrow(/frontmatter/);
  });
});

describe('checkChangesets', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function repo() {
    const root = mkdtempSync(join(tmpdir(), 'creditkit-changesets-'));
    dirs.push(root);
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t.invalid', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, stdio: 'pipe' }).toString();
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    const pkg = (dir: string, version = '0.1.0') => write(`packages/${dir}/package.json`, JSON.stringify({ name: `@creditkit/${dir}`, version }));
    const commit = (message: string) => {
      git('add', '-A');
      git('commit', '-qm', message);
    };
    git('init', '-q', '-b', 'main');
    write('.changeset/config.json', JSON.stringify({ baseBranch: 'main', changedFilePatterns: PATTERNS }));
    pkg('core');
    pkg('finerworks');
    write('packages/core/src/index.ts', 'export {};\n');
    commit('initial');
    return { root, write, pkg, commit, check: (base?: string) => checkChangesets(root, base) };
  }

  it('passes with nothing to compare on a root commit', () => {
    const r = repo();
    const result = r.check();
    expect(result.failures).toEqual([]);
    expect(result.lines.join('\n')).toMatch(/no base to compare with/);
  });

  it('fails a source change without a changeset (base: the previous commit), passes with one', () => {
    const r = repo();
    r.write('packages/core/src/index.ts', 'export const x = 1;\n');
    r.commit('core change');
    expect(r.check().failures).toEqual(['@creditkit/core changed without a changeset']);
    expect(r.check().base?.reason).toMatch(/previous commit/);
    r.write('.changeset/fix.md', '---\n"@creditkit/core": patch\n---\n\nFix.\n');
    expect(r.check().failures).toEqual([]);
  });

  it('ignores tests and Markdown, exempts a new package and a released version', () => {
    const r = repo();
    r.write('packages/core/src/index.test.ts', 'it;\n');
    r.write('packages/core/README.md', '# core\n');
    r.pkg('fusebill');
    r.write('packages/fusebill/src/index.ts', 'export {};\n');
    r.pkg('finerworks', '0.1.1');
    r.commit('tests, docs, a new package, a release');
    const result = r.check();
    expect(result.failures).toEqual([]);
    expect(result.lines.join('\n')).toMatch(/@creditkit\/fusebill\s+new package/);
    expect(result.lines.join('\n')).toMatch(/@creditkit\/finerworks\s+released 0\.1\.0 -> 0\.1\.1/);
  });

  it('counts uncommitted work and an explicit base, and rejects a changeset naming an unknown package', () => {
    const r = repo();
    r.write('packages/core/src/index.ts', 'export const y = 2;\n');
    r.commit('one');
    r.write('packages/finerworks/src/index.ts', 'export {};\n');
    expect(r.check('HEAD~1').failures).toEqual(['@creditkit/core changed without a changeset', '@creditkit/finerworks changed without a changeset']);
    r.write('.changeset/typo.md', '---\n"@creditkit/nope": patch\n---\n');
    expect(r.check().failures).toContain('.changeset/typo.md names @creditkit/nope, which is not a package here');
  });
});
