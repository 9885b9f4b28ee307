import { describeStateStore } from '@creditkit/test-support';
import { memoryStore } from './memory-store.js';

describeStateStore('memoryStore()', async () => ({ store: memoryStore() }));
