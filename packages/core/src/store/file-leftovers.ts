// Temporary files of fileStore that a crash can leave behind: a lease or journal written under a temporary name
// and not yet linked or renamed into place. Each is in use for a few milliseconds, so one older than staleLockMs
// belongs to a process that died; it is removed when a handle first opens the folder.
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const TEMPORARY = /^(\.tmp-[0-9a-f]+|journal\.jsonl\.(new|compact)-[0-9a-f]+)$/;

export async function sweepLeftovers(folders: readonly string[], staleLockMs: number): Promise<void> {
  const before = Date.now() - staleLockMs;
  for (const folder of folders) {
    for (const name of await readdir(folder)) {
      if (!TEMPORARY.test(name)) continue;
      const path = join(folder, name);
      // Gone already (its writer finished, or another handle swept it): nothing to do.
      const modified = await stat(path).then((s) => s.mtimeMs, () => Number.POSITIVE_INFINITY);
      if (modified < before) await unlink(path).catch(() => {});
    }
  }
}
