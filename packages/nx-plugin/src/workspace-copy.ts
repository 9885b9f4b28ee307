// A throwaway copy of the workspace for the generator's end-to-end test: the files git knows (tracked and
// untracked, not ignored) copied, and node_modules made of links to the real one, so nothing is installed. The
// workspace packages are linked to the copy's own packages/, as npm links them, so a build there is seen there.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function copyWorkspace(root: string, into: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  for (const file of listed.split('\0')) {
    // A deleted but still tracked file is listed too; the mutation testing's incremental file is not needed.
    if (!file || !existsSync(join(root, file)) || file.startsWith('tools/mutation/stryker-incremental')) continue;
    mkdirSync(dirname(join(into, file)), { recursive: true });
    cpSync(join(root, file), join(into, file));
  }
  const modules = join(root, 'node_modules');
  mkdirSync(join(into, 'node_modules', '@creditkit'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry === '@creditkit' || (entry.startsWith('.') && entry !== '.bin')) continue;
    symlinkSync(join(modules, entry), join(into, 'node_modules', entry));
  }
  for (const dir of readdirSync(join(into, 'packages'))) {
    if (existsSync(join(into, 'packages', dir, 'package.json'))) symlinkSync(join('..', '..', 'packages', dir), join(into, 'node_modules', '@creditkit', dir));
  }
}
