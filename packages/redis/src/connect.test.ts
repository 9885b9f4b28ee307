// connectRedisStore(url), as the CLI uses it: a working store on a real Redis, and no password in any error.
import { inspect } from 'node:util';
import { ConfigurationError, ConnectionError } from '@creditkit/core';
import { useRedisServer } from '@creditkit/test-support';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectRedisStore } from './connect.js';
import { connect, deleteKeysUnder, keysUnder, randomPrefix } from './test-clients.js';

const server = await useRedisServer();
const PASSWORD = 'hunter2-s3cret/pw';

/** Every way an error is logged. */
const everyForm = (error: unknown) => [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');

const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('connectRedisStore', () => {
  it('never shows the password: nothing listening', async () => {
    const port = await closedPort();
    const error = await connectRedisStore(`redis://user:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/0`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect(everyForm(error)).not.toContain(PASSWORD);
    expect(everyForm(error)).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('never shows the password: a URL that is not one, or not Redis', async () => {
    for (const url of [`:${PASSWORD}@ not a url`, `http://user:${PASSWORD}@example.invalid/`]) {
      const error = await connectRedisStore(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(everyForm(error)).not.toContain(PASSWORD);
    }
  });

  if (!server) return void it.skip('no Redis to test against', () => {});

  it('never shows the password: the server refuses it', async () => {
    const url = new URL(server.url);
    url.username = 'nobody';
    url.password = PASSWORD;
    const error = await connectRedisStore(url.href).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(everyForm(error)).not.toContain(PASSWORD);
    expect(everyForm(error)).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('takes the key prefix from the URL (?prefix=), as the CLI passes it', async () => {
    const prefix = randomPrefix();
    const { store, close } = await connectRedisStore(`${server.url}/0?prefix=${prefix}`);
    const check = await connect('node-redis', server.url);
    try {
      await store.set('s', 'k', { state: 'a', value: null });
      expect(await keysUnder(check, prefix)).toEqual(expect.arrayContaining([`${prefix}:{s}:r:k`, `${prefix}:{s}:i`, `${prefix}:scopes`]));
    } finally {
      await close();
      await deleteKeysUnder(check, prefix);
      await check.close();
    }
  });

  it('connects node-redis, gives a working store named redis, and closes', async () => {
    const prefix = randomPrefix();
    const { store, close } = await connectRedisStore(server.url, { prefix });
    const check = await connect('node-redis', server.url);
    try {
      expect(store.name).toBe('redis');
      await store.set('fusebill:1', 'intent:a', { state: 'applied', value: { id: 7 } });
      expect(await store.get('fusebill:1', 'intent:a')).toEqual({ state: 'applied', value: { id: 7 } });
      expect(await check.send(['EXISTS', `${prefix}:{fusebill:1}:r:intent:a`])).toBe(1);
      await close();
      await expect(store.get('fusebill:1', 'intent:a')).rejects.toBeInstanceOf(ConnectionError);
    } finally {
      await deleteKeysUnder(check, prefix);
      await check.close();
    }
  });
});
