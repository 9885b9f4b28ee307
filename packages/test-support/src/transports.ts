// Both transports core ships, so that the fault and hostile-body tests hold for each: fetch (browsers, a
// user's `fetch`) and node:http (the default in Node).
import { fetchTransport, type Transport } from '@creditkit/core';
import { nodeHttpTransport } from '@creditkit/core/node';

export const TRANSPORTS: readonly (readonly [string, Transport])[] = [
  ['fetch', fetchTransport],
  ['node:http', nodeHttpTransport],
];
