// Browsers and workers have no file system to keep state in: fileStore is refused with a typed error.
import { UnsupportedRuntimeError } from '../errors.js';
import type { FileStoreOptions } from './file-store.js';
import type { StateStore } from './state-store.js';

export function fileStore(_dir: string, _options?: FileStoreOptions): StateStore {
  throw new UnsupportedRuntimeError('fileStore needs a file system (Node); in a browser, use memoryStore() or a store of your own', { option: 'store' });
}
