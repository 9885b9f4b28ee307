// Test helpers (not built: the package entry is index.ts): a connection of either client to the test Redis,
// the store's random prefix per test, and the deletion of that prefix's keys afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisCommandClient } from './command.js';

export const FLAVOURS = ['node-redis', 'ioredis'] as const;
export type Flavour = (typeof FLAVOURS)[number];

export interface TestConnection {
  /** The client as a user passes it to redisStore. */
  client: RedisCommandClient;
  /** One command, for the tests' own checks. */
  send(argv: string[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function connect(flavour: Flavour, url: string): Promise<TestConnection> {
  if (flavour === 'ioredis') {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    return { client, send: ([command, ...args]) => client.call(command!, ...args), close: async () => void (await client.quit()) };
  }
  const client = createClient({ url });
  client.on('error', () => {});
  await client.connect();
  return { client, send: (argv) => client.sendCommand(argv), close: async () => void (await client.close()) };
}

/** A prefix no other test (nor test file running in parallel) uses. */
export const randomPrefix = () => `ck-test-${randomBytes(6).toString('hex')}`;

export async function keysUnder(connection: TestConnection, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = (await connection.send(['SCAN', cursor, 'MATCH', `${prefix}:*`, 'COUNT', '1000'])) as [string, string[]];
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

export async function deleteKeysUnder(connection: TestConnection, prefix: string): Promise<void> {
  const keys = await keysUnder(connection, prefix);
  for (let i = 0; i < keys.length; i += 500) await connection.send(['UNLINK', ...keys.slice(i, i + 500)]);
}
