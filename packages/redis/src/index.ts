// @creditkit/redis: the StateStore on Redis (node-redis or ioredis), and connectRedisStore(url) for the CLI.
/**
 * The `StateStore` of `@creditkit/core` on Redis (node-redis or ioredis, Cluster too), for workers on several
 * machines: {@link redisStore}, and {@link connectRedisStore} for a URL.
 *
 * @module
 */
export type { CallClient, RedisCommandClient, SendCommandClient } from './command.js';
export { connectRedisStore, type RedisStoreConnection } from './connect.js';
export { type RedisStoreOptions, redisStore } from './redis-store.js';
