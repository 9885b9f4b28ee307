// The shared StateStore contract on a real Redis, through node-redis and through ioredis, each with a second
// connection as `reopen` (a second worker). Each store has its own random key prefix, deleted afterwards.
import { describeStateStore, useRedisServer } from '@creditkit/test-support';
import { it } from 'vitest';
import { redisStore } from './redis-store.js';
import { connect, deleteKeysUnder, FLAVOURS, randomPrefix, type TestConnection } from './test-clients.js';

const server = await useRedisServer();

for (const flavour of FLAVOURS) {
  if (!server) {
    it.skip(`redisStore on ${flavour}: no Redis to test against`, () => {});
    continue;
  }
  describeStateStore(`redisStore on ${flavour}`, async () => {
    const prefix = randomPrefix();
    const first = await connect(flavour, server.url);
    const others: TestConnection[] = [];
    return {
      store: redisStore({ client: first.client, prefix }),
      reopen: async () => {
        const other = await connect(flavour, server.url);
        others.push(other);
        return redisStore({ client: other.client, prefix });
      },
      cleanup: async () => {
        await deleteKeysUnder(first, prefix);
        for (const connection of [first, ...others]) await connection.close();
      },
    };
  });
}
