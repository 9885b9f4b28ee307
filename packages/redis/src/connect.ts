// connectRedisStore(url): what the CLI uses for `--store redis://…`. It loads the `redis` package (node-redis,
// an optional peer) only here, creates and connects a client, and hands back the store and a close(). The URL's
// password never appears in an error: every message and cause is scrubbed of it.
import { ConfigurationError, ConnectionError, Secrets, type StateStore } from '@creditkit/core';
import { redisStore } from './redis-store.js';

/** What {@link connectRedisStore} returns: the store, and how to close the client it opened. */
export interface RedisStoreConnection {
  store: StateStore;
  /** Closes the client this function opened. */
  close(): Promise<void>;
}

/** The little of node-redis used here (typed locally: the package is an optional peer, maybe not installed). */
interface NodeRedisClient {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  connect(): Promise<unknown>;
  sendCommand(argv: string[]): Promise<unknown>;
  close?(): Promise<unknown>;
  quit?(): Promise<unknown>;
  destroy?(): void;
  disconnect?(): Promise<unknown>;
}
interface NodeRedisModule {
  createClient(options: { url: string; socket: { reconnectStrategy: (retries: number, cause: Error) => number | Error } }): NodeRedisClient;
}

// A variable, so that bundlers leave the optional peer alone.
const NODE_REDIS = 'redis';

/**
 * Connects node-redis to `url` (`redis://[[user]:password@]host[:port][/db][?prefix=ck]`, or `rediss://` for TLS)
 * and returns a store on it. `options.prefix`, else the URL's `prefix` parameter, starts every key.
 */
export async function connectRedisStore(url: string, options: { prefix?: string } = {}): Promise<RedisStoreConnection> {
  const secrets = new Secrets();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not even the URL's text: it may hold a password.
    throw new ConfigurationError('connectRedisStore: not a URL; expected redis://[[user]:password@]host[:port][/db]', { option: 'url' });
  }
  secrets.add(parsed.password);
  secrets.add(safeDecode(parsed.password));
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ConfigurationError(`connectRedisStore: the URL must start with redis:// or rediss://, not ${parsed.protocol}//`, { option: 'url', secrets });
  }
  // `?prefix=` (the CLI's and the cross-process tests' way to pick a key space) is ours, not node-redis's.
  const prefix = options.prefix ?? parsed.searchParams.get('prefix') ?? undefined;
  parsed.searchParams.delete('prefix');
  let nodeRedis: NodeRedisModule;
  try {
    nodeRedis = (await import(NODE_REDIS)) as NodeRedisModule;
  } catch (error) {
    throw new ConfigurationError('connectRedisStore needs the `redis` package (node-redis), an optional peer dependency: npm install redis', { cause: error, secrets });
  }
  const where = `${parsed.hostname}:${parsed.port || '6379'}`;
  let connected = false;
  let client: NodeRedisClient;
  try {
    client = nodeRedis.createClient({
      url: parsed.href,
      // Fail fast on the first connection (the CLI reports it); reconnect with a capped backoff after that.
      socket: { reconnectStrategy: (retries, cause) => (connected ? Math.min(50 * 2 ** retries, 2_000) : cause) },
    });
  } catch (error) {
    throw new ConfigurationError(`connectRedisStore: node-redis refused the URL: ${messageOf(error)}`, { option: 'url', cause: error, secrets });
  }
  // node-redis emits 'error' for each failed (re)connection; with no listener, Node would end the process.
  client.on('error', () => {});
  try {
    await client.connect();
    connected = true;
  } catch (error) {
    client.destroy?.();
    throw new ConnectionError(`connectRedisStore: could not connect to Redis at ${where}: ${messageOf(error)}`, { requestSent: false, cause: error, secrets });
  }
  return {
    store: redisStore({ client, ...(prefix === undefined ? {} : { prefix }) }),
    async close() {
      try {
        await (client.close ?? client.quit)?.call(client);
      } catch (error) {
        throw new ConnectionError(`connectRedisStore: closing the connection to ${where} failed: ${messageOf(error)}`, { requestSent: true, cause: error, secrets });
      }
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
