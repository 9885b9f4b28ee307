// fileStore(dir): a StateStore on one machine's disk, for several processes and a crash at any instant.
// PLACEHOLDER until the file store lands: the signature is fixed, the body is not written yet.
import type { StateStore } from './state-store.js';

export interface FileStoreOptions {
  /** How long a process may hold the journal lock before others treat it as crashed. Default 10 s. */
  staleLockMs?: number;
}

export function fileStore(dir: string, options: FileStoreOptions = {}): StateStore {
  void dir;
  void options;
  throw new Error('fileStore: not written yet');
}
