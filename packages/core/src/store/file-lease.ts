// The leases of fileStore: one file per (scope, key), named by a hash of both so that any key is a safe file name.
// A free lease is taken by exclusive creation, so of several processes exactly one creates it. The file is written
// and fsync'd under a temporary name first and then linked into place (link, like open 'wx', fails when the name
// exists), so a lease is never seen half-written. Replacing a lease that exists (an expired one taken over, the
// holder extending it) and releasing it happen only under the directory lock: a takeover renames the new lease over
// the expired file in one step, so a process outside the lock (which can only create a missing file) never wins it.
import { createHash } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type HeldLock, newToken, withLock } from './file-lock.js';
import type { ClaimResult } from './state-store.js';

interface Lease {
  readonly owner: string;
  readonly expiresAt: number;
}

export interface LeaseOptions {
  /** The folder of lease files. */
  readonly dir: string;
  readonly lockPath: string;
  readonly staleLockMs: number;
  /** fsyncs the lease folder after a file is created, renamed or removed in it. */
  readonly syncDir: () => Promise<void>;
}

const RETRY = Symbol('retry');

export class Leases {
  constructor(private readonly options: LeaseOptions) {}

  async claim(scope: string, key: string, owner: string, ttlMs: number): Promise<ClaimResult> {
    const path = this.path(scope, key);
    for (;;) {
      const held = await this.read(path);
      if (held === undefined) {
        if (await this.create(path, { owner, expiresAt: Date.now() + ttlMs })) return { claimed: true };
        continue; // another claimer created it first: read whose it is
      }
      if (held.owner !== owner && held.expiresAt > Date.now()) return { claimed: false, owner: held.owner, expiresAt: held.expiresAt };
      const result = await withLock(this.options.lockPath, this.options.staleLockMs, (lock) => this.replace(path, owner, ttlMs, lock));
      if (result !== RETRY) return result;
    }
  }

  async release(scope: string, key: string, owner: string): Promise<void> {
    const path = this.path(scope, key);
    if ((await this.read(path))?.owner !== owner) return;
    await withLock(this.options.lockPath, this.options.staleLockMs, async (lock) => {
      if ((await this.read(path))?.owner !== owner) return;
      await lock.verify();
      await unlink(path);
      await this.options.syncDir();
    });
  }

  /** Under the lock: extends our own lease, or takes over an expired one. */
  private async replace(path: string, owner: string, ttlMs: number, lock: HeldLock): Promise<ClaimResult | typeof RETRY> {
    const held = await this.read(path);
    const next = { owner, expiresAt: Date.now() + ttlMs };
    if (held === undefined) return (await this.create(path, next)) ? { claimed: true } : RETRY;
    if (held.owner !== owner && held.expiresAt > Date.now()) return { claimed: false, owner: held.owner, expiresAt: held.expiresAt };
    // A holder that stalled past staleLockMs lost the lock: it must not replace or remove a lease any more.
    await lock.verify();
    if (held.owner === owner) {
      await this.write(path, next);
      return { claimed: true };
    }
    // Renamed over the expired file in one step: there is never a gap in which a claimer outside the lock could
    // create it (and win without knowing whose lease it replaced).
    await this.write(path, next);
    return { claimed: true, expired: { owner: held.owner, expiresAt: held.expiresAt } };
  }

  private path(scope: string, key: string): string {
    return join(this.options.dir, `${createHash('sha256').update(JSON.stringify([scope, key])).digest('hex')}.lease`);
  }

  /** The lease; an unreadable file counts as an expired lease of nobody. */
  private async read(path: string): Promise<Lease | undefined> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const lease = JSON.parse(text) as Partial<Lease>;
      if (typeof lease.owner === 'string' && typeof lease.expiresAt === 'number') return { owner: lease.owner, expiresAt: lease.expiresAt };
    } catch {}
    return { owner: '', expiresAt: 0 };
  }

  /** Creates the lease file exclusively; false when one exists. */
  private async create(path: string, lease: Lease): Promise<boolean> {
    const temporary = await this.temporary(lease);
    try {
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temporary).catch(() => {});
    }
    await this.options.syncDir();
    return true;
  }

  /** Replaces the lease file in one step (rename); the caller holds the lock. */
  private async write(path: string, lease: Lease): Promise<void> {
    await rename(await this.temporary(lease), path);
    await this.options.syncDir();
  }

  private async temporary(lease: Lease): Promise<string> {
    const temporary = join(this.options.dir, `.tmp-${newToken()}`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(lease));
      await handle.datasync();
    } finally {
      await handle.close();
    }
    return temporary;
  }
}
