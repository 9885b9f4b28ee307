// What redisStore sends and keeps on a real Redis, beyond the contract: EVALSHA with the EVAL fallback after
// SCRIPT FLUSH, every key of a scope in one Cluster slot, the lease and index as stored, for both clients.
import { useRedisServer } from '@creditkit/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { redisStore } from './redis-store.js';
import { connect, deleteKeysUnder, FLAVOURS, keysUnder, randomPrefix, type TestConnection } from './test-clients.js';

const server = await useRedisServer();

/** Redis Cluster's key slot: CRC16/XMODEM of the hash tag (or the whole key), mod 16384. */
function keySlot(key: string): number {
  let hashed = Buffer.from(key, 'utf8');
  const open = hashed.indexOf('{');
  if (open >= 0) {
    const close = hashed.indexOf('}', open + 1);
    if (close > open + 1) hashed = hashed.subarray(open + 1, close);
  }
  let crc = 0;
  for (const byte of hashed) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

it('keySlot agrees with the values in the Redis Cluster documentation', () => {
  expect(keySlot('somekey')).toBe(11058);
  expect(keySlot('foo{hash_tag}')).toBe(2515);
  expect(keySlot('bar{hash_tag}')).toBe(2515);
});

describe.each(FLAVOURS)('redisStore on %s, on the wire', (flavour) => {
  if (!server) return void it.skip('no Redis to test against', () => {});
  let connection: TestConnection;
  let prefix: string;
  let sent: string[][];
  afterEach(async () => {
    await deleteKeysUnder(connection, prefix);
    await connection.close();
  });
  /** A store whose every command is recorded, through the user-supplied `{ sendCommand(argv) }` form. */
  const recorded = async () => {
    connection = await connect(flavour, server.url);
    prefix = randomPrefix();
    sent = [];
    return redisStore({
      client: {
        sendCommand: (argv) => {
          sent.push(argv);
          return connection.send(argv);
        },
      },
      prefix,
    });
  };

  it('runs scripts by EVALSHA, falls back to EVAL after SCRIPT FLUSH, and uses EVALSHA again after', async () => {
    const store = await recorded();
    await store.set('s', 'k', { state: 'a', value: 1 });
    await connection.send(['SCRIPT', 'FLUSH']);
    sent = [];
    await store.set('s', 'k', { state: 'b', value: 2 });
    const scripts = (argvs: string[][]) => argvs.map(([command]) => command).filter((command) => command!.startsWith('EVAL'));
    expect(scripts(sent)).toEqual(['EVALSHA', 'EVAL']);
    expect(sent.map(([command]) => command)).toContain('SADD');
    sent = [];
    expect(await store.compareAndSet('s', 'k', 'b', { state: 'c', value: 3 })).toBe(true);
    expect(sent.map((argv) => argv[0])).toEqual(['EVALSHA', 'SADD']);
    await connection.send(['SCRIPT', 'FLUSH']);
    expect(await store.claim('s', 'k', 'w1', 5_000)).toEqual({ claimed: true });
    expect(await store.list({ scope: 's' })).toEqual([{ scope: 's', key: 'k', record: { state: 'c', value: 3 } }]);
  });

  it('keeps every key of a scope in one Cluster slot, and every script inside it', async () => {
    const store = await recorded();
    const scopes = ['fusebill:3f9a0c', 'odd {scope}} ü', ''];
    for (const scope of scopes) {
      await store.set(scope, 'intent:{x}', { state: 'a', value: 1 });
      await store.set(scope, 'ttl', { state: 'a', value: 1 }, 60_000);
      await store.compareAndSet(scope, 'new', undefined, { state: 'b', value: 2 });
      await store.claim(scope, 'intent:{x}', 'w1', 5_000);
      await store.release(scope, 'intent:{x}', 'w1');
      await store.claim(scope, 'held', 'w1', 5_000);
      await store.delete(scope, 'new');
      await store.list({ scope });
    }
    await store.list();
    for (const argv of sent.filter(([command]) => command === 'EVALSHA' || command === 'EVAL')) {
      const keys = argv.slice(3, 3 + Number(argv[2]));
      expect(new Set(keys.map(keySlot)).size).toBe(1);
    }
    const stored = (await keysUnder(connection, prefix)).filter((key) => key !== `${prefix}:scopes`);
    const slots = new Map<number, string[]>();
    for (const key of stored) slots.set(keySlot(key), [...(slots.get(keySlot(key)) ?? []), key]);
    // Per scope: the index, two records, one lease; three scopes, three slots (here, they do not collide).
    expect(stored).toHaveLength(scopes.length * 4);
    expect([...slots.values()].map((keys) => keys.length)).toEqual([4, 4, 4]);
    expect(stored).toContain(`${prefix}:{fusebill:3f9a0c}:r:intent:{x}`);
    expect(await connection.send(['SMEMBERS', `${prefix}:scopes`])).toEqual(expect.arrayContaining(scopes));
  });

  it('stores a lease as JSON {owner, expiresAt} on the server clock, kept past expiry to name the expired holder', async () => {
    const store = await recorded();
    const before = Date.now();
    await store.claim('s', 'k', 'w1', 5_000);
    const lease = JSON.parse((await connection.send(['GET', `${prefix}:{s}:l:k`])) as string);
    expect(lease).toEqual({ owner: 'w1', expiresAt: expect.any(Number) });
    // Same machine here, so the server's clock and ours agree to well within a second.
    expect(Math.abs(lease.expiresAt - (before + 5_000))).toBeLessThan(1_000);
    expect(Number(await connection.send(['PTTL', `${prefix}:{s}:l:k`]))).toBeGreaterThan(5_000);
    await store.release('s', 'k', 'w1');
    expect(await connection.send(['EXISTS', `${prefix}:{s}:l:k`])).toBe(0);
  });

  it('stores records as JSON with PX, and drops expired keys from the scope index when listing', async () => {
    const store = await recorded();
    await store.set('s', 'short', { state: 'a', value: { n: 1 } }, 50);
    await store.set('s', 'long', { state: 'a', value: 'x' });
    expect(JSON.parse((await connection.send(['GET', `${prefix}:{s}:r:short`])) as string)).toEqual({ state: 'a', value: { n: 1 } });
    expect(Number(await connection.send(['PTTL', `${prefix}:{s}:r:short`]))).toBeLessThanOrEqual(50);
    expect(Number(await connection.send(['PTTL', `${prefix}:{s}:r:long`]))).toBe(-1);
    await new Promise((r) => setTimeout(r, 120));
    expect((await store.list()).map((r) => r.key)).toEqual(['long']);
    expect(await connection.send(['ZRANGE', `${prefix}:{s}:i`, '0', '-1'])).toEqual(['long']);
  });
});
