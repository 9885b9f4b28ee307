// @creditkit/redis: the StateStore on Redis (node-redis or ioredis), and connectRedisStore(url) for the CLI.
export type { CallClient, RedisCommandClient, SendCommandClient } from './command.js';
export { connectRedisStore, type RedisStoreConnection } from './connect.js';
export { type RedisStoreOptions, redisStore } from './redis-store.js';
