export { nodeHttpTransport } from './transport/node-transport.browser.js';
import type { Transport } from './transport/transport.js';

/** Browsers and workers: none; core falls back to the global fetch. */
export const platformTransport: Transport | undefined = undefined;
export { fileStore } from './store/file-store.browser.js';
export type { FileStoreOptions } from './store/file-store.js';
