import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStateStore } from '@creditkit/test-support';
import { fileStore } from './file-store.js';

describeStateStore('fileStore(dir)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'creditkit-filestore-'));
  return { store: fileStore(dir), reopen: async () => fileStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});
