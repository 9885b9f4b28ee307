// The directory lock of fileStore: one file created with `wx` (exclusive creation) holding the holder's pid, a
// random token, when it was taken and when the holder expects to be done. Every journal append, lease takeover, extension and release happens under it, so
// processes on one machine take turns. A lock past its expiry (its holder crashed or hung) is taken over; the
// takeover itself runs under a second `wx` file (the breaker), so that two processes that both saw the same
// stale lock cannot both remove it: the second re-reads under the breaker and finds the first one's new lock.
import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface LockContent {
  readonly pid: number;
  /** The machine of the holder: its pid means something only there (another container's pid namespace is not ours). */
  readonly host?: string;
  readonly token: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const newToken = () => randomBytes(12).toString('hex');

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** Creates `path` with `wx` and writes `text` into it; false when it already exists. */
export async function createExclusive(path: string, text: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

/** The lock's content, or how old an unreadable one is (a holder that crashed between create and write). */
async function readLock(path: string): Promise<LockContent | { unreadableSince: number } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.token === 'string' && typeof parsed.createdAt === 'number') return parsed as LockContent;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
  }
  try {
    return { unreadableSince: (await stat(path)).mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Past staleLockMs, or held by a process of this machine that is gone (SIGKILLed: no need to wait it out). */
const isStale = (held: LockContent | { unreadableSince: number }, staleLockMs: number, now: number) =>
  ('token' in held ? held.createdAt : held.unreadableSince) + staleLockMs <= now ||
  ('token' in held && held.host === hostname() && Number.isInteger(held.pid) && held.pid > 0 && held.pid !== process.pid && processGone(held.pid));

const sameLock = (a: LockContent | { unreadableSince: number }, b: LockContent | { unreadableSince: number } | undefined) =>
  b !== undefined && ('token' in a ? 'token' in b && a.token === b.token : 'unreadableSince' in b && a.unreadableSince === b.unreadableSince);

/** Is the process that wrote a breaker file gone? One machine, so its pid says so. */
function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === 'ESRCH';
  }
}

/** Removes the stale lock `seen` unless it has changed since; under the breaker file. */
async function breakStaleLock(path: string, seen: LockContent | { unreadableSince: number }, staleLockMs: number): Promise<void> {
  const breaker = `${path}.break`;
  if (!(await createExclusive(breaker, String(process.pid)))) {
    // Another process is breaking it. A breaker left by a crashed process (a window of two syscalls) is removed.
    const pid = Number(await readFile(breaker, 'utf8').catch(() => ''));
    const age = await stat(breaker).then((s) => Date.now() - s.mtimeMs, () => 0);
    if ((Number.isInteger(pid) && pid > 0 && processGone(pid)) || age > staleLockMs) await unlink(breaker).catch(() => {});
    return;
  }
  try {
    const now = await readLock(path);
    if (now !== undefined && sameLock(seen, now)) await unlink(path).catch(() => {});
  } finally {
    await unlink(breaker).catch(() => {});
  }
}

export interface HeldLock {
  /** Throws when this lock is no longer ours (we stalled past staleLockMs and another process took it over). */
  verify(): Promise<void>;
  release(): Promise<void>;
}

/** Waits for the directory lock and takes it; a lock older than `staleLockMs` is taken over. */
export async function acquireLock(path: string, staleLockMs: number): Promise<HeldLock> {
  const token = newToken();
  for (let attempt = 0; ; attempt++) {
    const now = Date.now();
    const content: LockContent = { pid: process.pid, host: hostname(), token, createdAt: now, expiresAt: now + staleLockMs };
    if (await createExclusive(path, JSON.stringify(content))) {
      const ours = async () => {
        const held = await readLock(path);
        return held !== undefined && 'token' in held && held.token === token;
      };
      return {
        async verify() {
          if (!(await ours())) throw new Error(`fileStore: lost the lock ${path} to another process after holding it longer than staleLockMs (${staleLockMs} ms)`);
        },
        async release() {
          // Only our own: after a hang past staleLockMs another process may hold it now.
          if (await ours()) await unlink(path).catch(() => {});
        },
      };
    }
    const held = await readLock(path);
    if (held === undefined) continue; // released in between
    if (isStale(held, staleLockMs, Date.now())) {
      await breakStaleLock(path, held, staleLockMs);
      continue;
    }
    // Spread the retries so that waiting processes do not wake in step.
    await delay(Math.random() * Math.min(20, 1 + attempt));
  }
}

/** Runs `work` under the directory lock. */
export async function withLock<T>(path: string, staleLockMs: number, work: (lock: HeldLock) => Promise<T>): Promise<T> {
  const lock = await acquireLock(path, staleLockMs);
  try {
    return await work(lock);
  } finally {
    await lock.release();
  }
}
