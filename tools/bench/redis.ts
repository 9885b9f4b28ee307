// The benchmark's Redis: Debian's redis-server on 127.0.0.1 (a free port, no persistence, stopped by its PID), one
// node-redis connection and a redisStore on it. Undefined when redis-server is not installed (no Redis rows).
import { spawnSync } from 'node:child_process';
import type { StateStore } from '@creditkit/core';
import { redisStore } from '@creditkit/redis';
import { redisServerInstalled, startRedisServer } from '@creditkit/test-support/redis-server';
import { createClient } from 'redis';

export interface BenchRedis {
  store: StateStore;
  /** redis-server's version (`7.0.15`). */
  version: string;
  stop(): Promise<void>;
}

export async function startBenchRedis(): Promise<BenchRedis | undefined> {
  if (!redisServerInstalled()) return undefined;
  const version = /v=(\S+)/.exec(spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout)?.[1] ?? 'unknown';
  const server = await startRedisServer();
  const client = createClient({ url: server.url });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    store: redisStore({ client, prefix: 'ck-bench' }),
    version,
    stop: async () => {
      await client.close();
      await server.stop();
    },
  };
}
