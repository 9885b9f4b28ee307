// fileStore(dir): a StateStore on one machine's disk, for several processes and a crash at any instant. No
// dependencies, node: built-ins only. In `dir` (0700, files 0600, since it may hold a bearer token):
//   journal.jsonl  every record change, appended and fsync'd under the lock (store/file-journal.ts)
//   journal.lock   the directory lock, created with `wx` (store/file-lock.ts)
//   leases/        one file per leased (scope, key) (store/file-lease.ts)
import { access, constants, mkdir, open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { deleteLine, type Entry, Journal, setLine } from './file-journal.js';
import { Leases } from './file-lease.js';
import { sweepLeftovers } from './file-leftovers.js';
import { type HeldLock, withLock } from './file-lock.js';
import type { ListedRecord, ListQuery, StateStore, StoredRecord } from './state-store.js';

/** Options of {@link fileStore}. */
export interface FileStoreOptions {
  /** How long a process may hold the journal lock before others treat it as crashed. Default 10 s. */
  staleLockMs?: number;
  /** Past this many bytes, the journal is rewritten with only the live records. Default 4 MiB. */
  compactBytes?: number;
}

const DEFAULT_STALE_LOCK_MS = 10_000;
const DEFAULT_COMPACT_BYTES = 4 * 1024 * 1024;

/** fsyncs a folder, so that a file created, renamed or removed in it survives a crash. */
async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function positive(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) throw new ConfigurationError(`fileStore: ${option} must be a positive number of ${option === 'compactBytes' ? 'bytes' : 'ms'}`, { option: 'store' });
  return value;
}

/**
 * A `StateStore` in a folder, shared by the processes of one machine (or a shared volume): exclusive lock files
 * and an fsynced append-only journal, so intents survive a crash.
 */
export function fileStore(dir: string, options: FileStoreOptions = {}): StateStore {
  if (typeof dir !== 'string' || dir.trim() === '') throw new ConfigurationError('fileStore(dir): dir must be the path of a folder (a non-empty string)', { option: 'store' });
  const root = resolve(dir);
  const staleLockMs = positive(options.staleLockMs, DEFAULT_STALE_LOCK_MS, 'staleLockMs');
  const compactBytes = positive(options.compactBytes, DEFAULT_COMPACT_BYTES, 'compactBytes');
  const lockPath = join(root, 'journal.lock');
  const leaseDir = join(root, 'leases');
  const journal = new Journal(join(root, 'journal.jsonl'), { compactBytes, syncDir: () => syncFolder(root) });
  const leases = new Leases({ dir: leaseDir, lockPath, staleLockMs, syncDir: () => syncFolder(leaseDir) });

  // The folders are made on first use, and a folder that cannot be used is a ConfigurationError then, from the
  // call that used it (never an unhandled rejection: nothing runs before a call).
  let ready: Promise<void> | undefined;
  const prepare = async () => {
    try {
      await mkdir(leaseDir, { recursive: true, mode: 0o700 });
      await access(root, constants.R_OK | constants.W_OK | constants.X_OK);
      await access(leaseDir, constants.R_OK | constants.W_OK | constants.X_OK);
      await syncFolder(root);
      await journal.create();
      await sweepLeftovers([root, leaseDir], staleLockMs);
    } catch (error) {
      ready = undefined; // a folder fixed later is used by the next call
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ConfigurationError(`fileStore: cannot keep state in ${root} (${code}): give a folder this process can create and write`, { option: 'store', cause: error });
    }
  };
  const ensureReady = () => (ready ??= prepare());

  // One journal operation of this handle at a time: the index and its offset are this handle's own.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      await ensureReady();
      return work();
    });
    queue = run.catch(() => {});
    return run;
  };
  const locked = <T>(work: (lock: HeldLock) => Promise<T>) => serial(() => withLock(lockPath, staleLockMs, work));
  const expiry = (ttlMs: number | undefined) => (ttlMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + ttlMs);
  const copy = (entry: Entry | undefined) => entry && structuredClone(entry.record);

  return {
    name: `file:${root}`,
    async claim(scope, key, owner, ttlMs) {
      await ensureReady();
      return leases.claim(scope, key, owner, ttlMs);
    },
    async release(scope, key, owner) {
      await ensureReady();
      await leases.release(scope, key, owner);
    },
    get: (scope, key) =>
      serial(async () => {
        await journal.refresh();
        return copy(journal.live(scope, key));
      }),
    set: (scope, key, record, ttlMs) => locked((lock) => journal.append([setLine(scope, key, record, expiry(ttlMs))], lock.verify)),
    compareAndSet: (scope, key, expected, record: StoredRecord, ttlMs) =>
      locked(async (lock) => {
        await journal.refresh();
        if (journal.live(scope, key)?.record.state !== expected) return false;
        await journal.append([setLine(scope, key, record, expiry(ttlMs))], lock.verify);
        return true;
      }),
    delete: (scope, key) =>
      locked(async (lock) => {
        await journal.refresh();
        // Nothing to remove: no line, so that deleting what is not there costs no write.
        if (journal.index.get(scope)?.has(key)) await journal.append([deleteLine(scope, key)], lock.verify);
      }),
    list: (query: ListQuery = {}) =>
      serial(async () => {
        await journal.refresh();
        const out: ListedRecord[] = [];
        const now = Date.now();
        const scopes = query.scope === undefined ? [...journal.index.keys()] : [query.scope];
        for (const scope of scopes) {
          for (const key of [...(journal.index.get(scope)?.keys() ?? [])]) {
            if (query.prefix !== undefined && !key.startsWith(query.prefix)) continue;
            const entry = journal.live(scope, key, now);
            if (entry && (query.state === undefined || entry.record.state === query.state)) out.push({ scope, key, record: structuredClone(entry.record) });
          }
        }
        return out;
      }),
    async close() {
      await queue;
    },
  };
}
