// What the hostile-peer tests share: the two ways a call can leave (core's node:http transport, a caller's
// fetch), and a raw server with a process-level trap that records anything escaping a call.
import { afterAll, beforeAll } from 'vitest';
import type { ClientOptions, Transport } from '@creditkit/core';
import { nodeHttpTransport } from '@creditkit/core/node';
import { type RawServer, startRawServer } from './raw-server.js';

export const TRANSPORT_VARIANTS: readonly (readonly [string, { transport?: Transport; options?: ClientOptions }])[] = [
  ['node:http', { transport: nodeHttpTransport }],
  ['the fetch option', { options: { fetch: (input, init) => globalThis.fetch(input, init) } }],
];

/** A raw server for the file, and the unhandled rejections and uncaught exceptions seen while it runs. */
export function useTrappedRawServer(): { readonly server: RawServer; readonly escaped: unknown[] } {
  let server: RawServer | undefined;
  const escaped: unknown[] = [];
  const trap = (reason: unknown) => escaped.push(reason);
  beforeAll(async () => {
    server = await startRawServer();
    process.on('unhandledRejection', trap);
    process.on('uncaughtException', trap);
  });
  afterAll(async () => {
    process.off('unhandledRejection', trap);
    process.off('uncaughtException', trap);
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the raw server starts in beforeAll');
      return server;
    },
    escaped,
  };
}
