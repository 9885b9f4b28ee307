// `npx creditkit` and `npx creditkit-mock` work right after `npm ci && npm run build` on a fresh clone: npm
// links a bin at install time only if its file exists then, so every bin points at a committed file outside
// dist/ (which `npm ci` has not built yet), and that file runs the built command. (Checked end to end on a real
// fresh clone too; see the CLI helper's report.)
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tracked = new Set(execFileSync('git', ['ls-files', 'packages'], { cwd: root, encoding: 'utf8' }).split('\n'));
const bins = readdirSync(join(root, 'packages'))
  .sort()
  .flatMap((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    return Object.entries<string>(pkg.bin ?? {}).map(([command, file]) => ({ command, file: join('packages', dir, file) }));
  });

describe('bin entries', () => {
  it('are committed, executable files outside dist/ that run the built command', () => {
    expect(bins.map((b) => b.command)).toEqual(['creditkit', 'creditkit-mock']);
    for (const { command, file } of bins) {
      expect(file, command).not.toMatch(/\/dist\//);
      expect(tracked.has(file), `${file} is committed`).toBe(true);
      expect(statSync(join(root, file)).mode & 0o111, `${file} is executable`).not.toBe(0);
      expect(readFileSync(join(root, file), 'utf8').startsWith('#!/usr/bin/env node\n'), `${file} has a node shebang`).toBe(true);
      const help = spawnSync(process.execPath, [join(root, file), '--help'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
      expect({ code: help.status, stderr: help.stderr }, command).toEqual({ code: 0, stderr: '' });
      expect(help.stdout, command).toMatch(new RegExp(`^(Usage: )?${command}\\b`));
    }
  });
});
