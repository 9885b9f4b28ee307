// A real Redis for a test file. `CREDITKIT_TEST_REDIS_URL` (CI sets it) names one already running; otherwise each
// test file starts its own redis-server, stopped by its PID after the file. Without redis-server, the Redis tests
// are skipped locally with the reason printed, and fail under CI (`CI` set), so CI never passes by skipping.
import { afterAll } from 'vitest';
import { redisServerInstalled, startRedisServer } from './redis-server.js';

/**
 * For a test file's top level (`const redis = await useRedisServer()`): the Redis URL to test against, the
 * server stopped after the file; undefined (reason printed) when there is no redis-server and not under CI.
 */
export async function useRedisServer(): Promise<{ url: string } | undefined> {
  const given = process.env.CREDITKIT_TEST_REDIS_URL;
  if (given) return { url: given };
  if (!redisServerInstalled()) {
    const reason = 'redis-server is not installed and CREDITKIT_TEST_REDIS_URL is not set';
    if (process.env.CI) throw new Error(`${reason}: the Redis tests cannot run, and CI does not skip them`);
    console.warn(`Skipping the Redis tests: ${reason} (apt-get install redis-server, or point CREDITKIT_TEST_REDIS_URL at a Redis).`);
    return undefined;
  }
  const server = await startRedisServer();
  afterAll(() => server.stop());
  return { url: server.url };
}
