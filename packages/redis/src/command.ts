// One tiny seam to the Redis client: `send(argv)` runs one command and resolves with its raw reply. node-redis
// (and any object with `sendCommand(argv)`) and ioredis (`call(command, ...args)`) fit it; the store never
// imports either client, so neither is in the dependency tree.
import { ConfigurationError, ConnectionError } from '@creditkit/core';

/** Anything with node-redis's `sendCommand(argv)`: a node-redis client, or your own adapter. */
export interface SendCommandClient {
  /** Sends one command (`['SET', key, value]`) and resolves with its reply. */
  sendCommand(argv: string[]): Promise<unknown>;
}

/** An ioredis client (or Cluster): `call(command, ...args)`. */
export interface CallClient {
  /** Sends one command and resolves with its reply. */
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** What `redisStore({ client })` accepts. */
export type RedisCommandClient = SendCommandClient | CallClient;

export type Send = (argv: string[]) => Promise<unknown>;

/** The command seam for `client`; ioredis is recognised first, since it also has a `sendCommand` of another shape. */
export function commandSender(client: RedisCommandClient): Send {
  const candidate = client as Partial<CallClient & SendCommandClient> | null | undefined;
  let send: Send;
  if (typeof candidate?.call === 'function') {
    const call = candidate.call.bind(client);
    send = ([command, ...args]) => call(command!, ...args);
  } else if (typeof candidate?.sendCommand === 'function') {
    send = candidate.sendCommand.bind(client);
  } else {
    throw new ConfigurationError('redisStore needs a node-redis client, an ioredis client, or an object with sendCommand(argv)', { option: 'client' });
  }
  return async (argv) => {
    try {
      return await send(argv);
    } catch (error) {
      throw new ConnectionError(`redis ${argv[0]} failed: ${error instanceof Error ? error.message : String(error)}`, {
        requestSent: true,
        code: errorCode(error),
        cause: error,
      });
    }
  };
}

/** The first word of a Redis error reply (`NOSCRIPT`, `WRONGTYPE`), or a socket error's code. */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /^([A-Z][A-Z_]+)\b/.exec(message)?.[1];
}
