// A broken or hostile server (or proxy): replies of the wrong shape give a DecodeError, a failing command a
// ConnectionError carrying the server's error code; never a TypeError from inside the store, never a wrong answer.
import { ConfigurationError, ConnectionError, DecodeError, type StateStore } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { redisStore } from './redis-store.js';

/** A store whose server answers `reply(argv)` to every command. */
const answering = (reply: (argv: string[]) => unknown) => redisStore({ client: { sendCommand: async (argv) => reply(argv) } });
const rec = { state: 'a', value: 1 };

type Op = [string, (store: StateStore) => Promise<unknown>];
const ops: Op[] = [
  ['get', (s) => s.get('s', 'k')],
  ['set', (s) => s.set('s', 'k', rec)],
  ['compareAndSet', (s) => s.compareAndSet('s', 'k', undefined, rec)],
  ['claim', (s) => s.claim('s', 'k', 'w1', 1_000)],
  ['list', (s) => s.list()],
  ['list of a scope', (s) => s.list({ scope: 's' })],
];
const shapes: [string, unknown][] = [
  ['a number', 42],
  ['an object', { state: 'a' }],
  ['a nested array', [[1, 2], { x: 1 }]],
  ['a string that is not JSON', 'OK'],
  ['a boolean', true],
];

describe('redisStore against replies of the wrong shape', () => {
  for (const [name, op] of ops) {
    it.each(shapes)(`${name}: %s is a DecodeError`, async (_, reply) => {
      await expect(op(answering(() => reply))).rejects.toBeInstanceOf(DecodeError);
    });
  }

  it('get: JSON of another shape, or a record without a string state, is a DecodeError carrying the reply', async () => {
    for (const reply of ['[1,2]', '{"value":1}', '{"state":7,"value":1}', '{"state":"a"}', 'null', '{"state":"a","value":']) {
      const error = await answering(() => reply)
        .get('s', 'k')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).raw).toBe(reply);
    }
  });

  it('claim: a refusal without holder, a flag other than 0/1, or a non-numeric expiry is a DecodeError', async () => {
    for (const reply of [[0], [2], [1, 'w'], [0, 'w', 'soon'], [0, { owner: 'w' }, 5], ['1', 'w', 1.5], []]) {
      await expect(answering(() => reply).claim('s', 'k', 'w1', 1_000)).rejects.toBeInstanceOf(DecodeError);
    }
  });

  it('list: an MGET reply with a missing entry, or a record that is not JSON, is a DecodeError', async () => {
    const server = (mget: unknown) => answering(([command]) => (command === 'EVALSHA' ? ['a', 'b'] : command === 'MGET' ? mget : ['s']));
    await expect(server(['{"state":"x","value":1}']).list()).rejects.toBeInstanceOf(DecodeError);
    await expect(server(['{"state":"x","value":1}', 'garbage']).list()).rejects.toBeInstanceOf(DecodeError);
    expect(await server(['{"state":"x","value":1}', null]).list({ scope: 's' })).toEqual([{ scope: 's', key: 'a', record: { state: 'x', value: 1 } }]);
  });

  it('takes SMEMBERS as an array or as a Set (a RESP3 client may map it so)', async () => {
    const server = (members: unknown) => answering(([command]) => (command === 'SMEMBERS' ? members : command === 'EVALSHA' ? ['k'] : ['{"state":"x","value":1}']));
    const expected = [{ scope: 's', key: 'k', record: { state: 'x', value: 1 } }];
    expect(await server(['s']).list()).toEqual(expected);
    expect(await server(new Set(['s'])).list()).toEqual(expected);
  });

  it('takes the integer replies of both clients (number) and of RESP proxies (numeric string)', async () => {
    expect(await answering(() => ['0', 'w2', '1700000000000']).claim('s', 'k', 'w1', 1_000)).toEqual({ claimed: false, owner: 'w2', expiresAt: 1_700_000_000_000 });
    expect(await answering(() => [1, 'crashed', 1_700_000_000_000]).claim('s', 'k', 'w1', 1_000)).toEqual({ claimed: true, expired: { owner: 'crashed', expiresAt: 1_700_000_000_000 } });
  });
});

describe('redisStore when commands fail', () => {
  it('a Redis error reply is a ConnectionError with its code; the cause is kept', async () => {
    const wrongType = new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
    const error = await answering(() => {
      throw wrongType;
    })
      .get('s', 'k')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'WRONGTYPE', requestSent: true });
    expect((error as Error).message).toContain('GET');
    expect(((error as Error).cause as Error).message).toBe(wrongType.message);
  });

  it('a socket error keeps its code, and NOSCRIPT alone leads to EVAL', async () => {
    const sent: string[] = [];
    const closed = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const store = answering(([command]) => {
      sent.push(command!);
      throw closed;
    });
    await expect(store.claim('s', 'k', 'w1', 1_000)).rejects.toMatchObject({ name: 'ConnectionError', code: 'ECONNREFUSED' });
    expect(sent).toEqual(['EVALSHA']);
  });

  it('refuses a client it cannot drive, and a prefix that would break the hash tag', () => {
    expect(() => redisStore({ client: {} as never })).toThrow(ConfigurationError);
    expect(() => redisStore({ client: { sendCommand: async () => null }, prefix: 'a{b' })).toThrow(ConfigurationError);
    expect(() => redisStore({ client: { sendCommand: async () => null }, prefix: '' })).toThrow(ConfigurationError);
  });
});
