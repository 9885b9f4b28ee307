/**
 * The Node-only pieces: the `node:http` transport (the one that can send a body on GET) and `fileStore(dir)`. Under
 * the `browser` condition the same names resolve to stubs and the fetch transport.
 *
 * @module
 */
import { nodeHttpTransport } from './transport/node-transport.js';
import type { Transport } from './transport/transport.js';

export { nodeHttpTransport };

/** The transport a provider prefers where it runs: node:http in Node (cheaper per request than fetch). */
export const platformTransport: Transport | undefined = nodeHttpTransport;
export { fileStore } from './store/file-store.js';
export type { FileStoreOptions } from './store/file-store.js';
