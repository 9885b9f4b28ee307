// Both transports core ships, so that the fault and hostile-body tests hold for each: fetch (browsers, a
// user's `fetch`) and node:http (the default in Node).
import { fetchTransport } from '../transport/fetch-transport.js';
import { nodeHttpTransport } from '../transport/node-transport.js';
import type { Transport } from '../transport/transport.js';

export const TRANSPORTS: readonly (readonly [string, Transport])[] = [
  ['fetch', fetchTransport],
  ['node:http', nodeHttpTransport],
];
