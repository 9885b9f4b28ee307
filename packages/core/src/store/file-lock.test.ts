import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, withLock } from './file-lock.js';

let dirs: string[] = [];
const lockIn = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'creditkit-filelock-'));
  dirs.push(dir);
  return join(dir, 'journal.lock');
};
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

describe('the fileStore directory lock', () => {
  it('lets one holder in at a time, also when many wait on a stale lock left by a crashed process', async () => {
    const path = await lockIn();
    await writeFile(path, JSON.stringify({ pid: 999_999_999, token: 'crashed', createdAt: Date.now() - 60_000, expiresAt: Date.now() - 50_000 }));
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withLock(path, 2_000, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 2));
          order.push(i);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a holder that stalled past staleLockMs learns it lost the lock, and its release leaves the new holder’s lock', async () => {
    const path = await lockIn();
    const stalled = await acquireLock(path, 30);
    const next = await acquireLock(path, 30);
    await expect(stalled.verify()).rejects.toThrow(/lost the lock/);
    await stalled.release();
    await expect(next.verify()).resolves.toBeUndefined();
    await next.release();
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a lock left empty by a holder that crashed between creating and writing it, once stale', async () => {
    const path = await lockIn();
    await writeFile(path, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    const lock = await acquireLock(path, 1_000);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });
});
