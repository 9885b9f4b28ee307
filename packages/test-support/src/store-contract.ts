// The StateStore contract suite: every store (memory, file, Redis) runs these same cases. `open()` gives a fresh,
// empty store; `reopen()`, when the store has one, gives a second handle onto the same data (another fileStore
// on the same folder, another Redis connection), as a second worker process would see it.
import type { StateStore, StoredRecord } from '@creditkit/core';
import { afterEach, describe, expect, it } from 'vitest';

export interface StoreUnderTest {
  store: StateStore;
  /** A second handle onto the same data; absent for a store that lives in one object (memory). */
  reopen?: () => Promise<StateStore>;
  /** Ends what open() started (closes handles, deletes the folder, flushes the Redis database). */
  cleanup?: () => Promise<void>;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rec = (state: string, value: StoredRecord['value'] = null): StoredRecord => ({ state, value });

export function describeStateStore(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`StateStore contract: ${name}`, () => {
    let cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.reverse()) await c();
      cleanups = [];
    });
    const fresh = async () => {
      const opened = await open();
      cleanups.push(async () => {
        await opened.store.close?.();
        await opened.cleanup?.();
      });
      return opened;
    };
    const second = async (opened: StoreUnderTest) => {
      if (!opened.reopen) return opened.store;
      const other = await opened.reopen();
      cleanups.push(async () => other.close?.());
      return other;
    };

    it('names itself without a password', async () => {
      const { store } = await fresh();
      expect(store.name).toMatch(/^(memory|file:|redis)/);
      expect(store.name).not.toMatch(/:[^:/@]*@/);
    });

    it('gets nothing for a key never set, and what was set, as a copy', async () => {
      const { store } = await fresh();
      expect(await store.get('s', 'none')).toBeUndefined();
      const value = { n: 1, list: [1, 'two', null, true], nested: { 'ünï': 'ćødé ✓', empty: '' } };
      const record = { state: 'applied', value };
      await store.set('s', 'k', record);
      (value.list as unknown[]).push('mutated after set');
      expect(await store.get('s', 'k')).toEqual({ state: 'applied', value: { n: 1, list: [1, 'two', null, true], nested: { 'ünï': 'ćødé ✓', empty: '' } } });
      const read = await store.get('s', 'k');
      (read!.value as { n: number }).n = 99;
      expect(((await store.get('s', 'k'))!.value as { n: number }).n).toBe(1);
    });

    it('keeps keys and scopes with separators, braces, spaces and non-ASCII apart', async () => {
      const { store } = await fresh();
      const keys = ['intent:a/b', 'intent:a', 'intent:{x}', 'intent: spaced', 'intent:ü', `intent:${'z'.repeat(300)}`, 'intent:a\nb'];
      for (const [i, key] of keys.entries()) await store.set('fusebill:1', key, rec('s', i));
      await store.set('fusebill:2', 'intent:a', rec('s', 'other scope'));
      for (const [i, key] of keys.entries()) expect((await store.get('fusebill:1', key))?.value).toBe(i);
      expect((await store.get('fusebill:2', 'intent:a'))?.value).toBe('other scope');
      expect(await store.get('fusebill:2', 'intent:a/b')).toBeUndefined();
    });

    it('set overwrites, delete removes', async () => {
      const { store } = await fresh();
      await store.set('s', 'k', rec('one', 1));
      await store.set('s', 'k', rec('two', 2));
      expect(await store.get('s', 'k')).toEqual(rec('two', 2));
      await store.delete('s', 'k');
      expect(await store.get('s', 'k')).toBeUndefined();
      await store.delete('s', 'never-there');
    });

    it('forgets a record once its TTL has run out, and keeps one without TTL', async () => {
      const { store } = await fresh();
      await store.set('s', 'short', rec('x', 1), 80);
      await store.set('s', 'long', rec('x', 2));
      expect((await store.get('s', 'short'))?.value).toBe(1);
      await delay(200);
      expect(await store.get('s', 'short')).toBeUndefined();
      expect((await store.get('s', 'long'))?.value).toBe(2);
    });

    it('compareAndSet writes only over the expected state, and over nothing when expecting none', async () => {
      const { store } = await fresh();
      expect(await store.compareAndSet('s', 'k', 'claimed', rec('sent'))).toBe(false);
      expect(await store.get('s', 'k')).toBeUndefined();
      expect(await store.compareAndSet('s', 'k', undefined, rec('claimed', 'a'))).toBe(true);
      expect(await store.compareAndSet('s', 'k', undefined, rec('claimed', 'b'))).toBe(false);
      expect(await store.compareAndSet('s', 'k', 'sent', rec('applied'))).toBe(false);
      expect(await store.compareAndSet('s', 'k', 'claimed', rec('sent', 'c'))).toBe(true);
      expect(await store.get('s', 'k')).toEqual(rec('sent', 'c'));
    });

    it('compareAndSet counts an expired record as none, and can set a TTL', async () => {
      const { store } = await fresh();
      await store.compareAndSet('s', 'k', undefined, rec('claimed'), 80);
      await delay(200);
      expect(await store.compareAndSet('s', 'k', 'claimed', rec('sent'))).toBe(false);
      expect(await store.compareAndSet('s', 'k', undefined, rec('claimed', 'again'))).toBe(true);
      expect((await store.get('s', 'k'))?.value).toBe('again');
    });

    it('lets exactly one of many concurrent compareAndSets win, through two handles', async () => {
      const opened = await fresh();
      const other = await second(opened);
      const wins = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? other : opened.store).compareAndSet('s', 'race', undefined, rec('claimed', i))));
      expect(wins.filter(Boolean)).toHaveLength(1);
      const winner = wins.indexOf(true);
      expect(await opened.store.get('s', 'race')).toEqual(rec('claimed', winner));
      expect(await other.get('s', 'race')).toEqual(rec('claimed', winner));
    });

    it('grants a claim to one owner, refuses others with the holder and expiry, and extends for the holder', async () => {
      const { store } = await fresh();
      const before = Date.now();
      expect(await store.claim('s', 'k', 'w1', 5_000)).toEqual({ claimed: true });
      const refused = await store.claim('s', 'k', 'w2', 5_000);
      expect(refused).toMatchObject({ claimed: false, owner: 'w1' });
      expect(refused.claimed === false && refused.expiresAt).toBeGreaterThanOrEqual(before + 4_000);
      expect(await store.claim('s', 'k', 'w1', 60_000)).toEqual({ claimed: true });
      const later = await store.claim('s', 'k', 'w2', 5_000);
      expect(later.claimed === false && later.expiresAt).toBeGreaterThanOrEqual(before + 50_000);
    });

    it('a claim neither reads nor writes the record of the same key', async () => {
      const { store } = await fresh();
      await store.set('s', 'k', rec('applied', 7));
      await store.claim('s', 'k', 'w1', 5_000);
      expect(await store.get('s', 'k')).toEqual(rec('applied', 7));
      await store.delete('s', 'k');
      expect(await store.claim('s', 'k', 'w2', 5_000)).toMatchObject({ claimed: false, owner: 'w1' });
    });

    it('release frees the lease for the next owner, and does nothing for a non-holder', async () => {
      const { store } = await fresh();
      await store.claim('s', 'k', 'w1', 5_000);
      await store.release('s', 'k', 'w2');
      expect(await store.claim('s', 'k', 'w2', 5_000)).toMatchObject({ claimed: false, owner: 'w1' });
      await store.release('s', 'k', 'w1');
      expect(await store.claim('s', 'k', 'w2', 5_000)).toEqual({ claimed: true });
      await store.release('s', 'never-claimed', 'w1');
    });

    it('hands an expired lease to the next owner and says whose it was', async () => {
      const { store } = await fresh();
      await store.claim('s', 'k', 'crashed', 60);
      await delay(150);
      const taken = await store.claim('s', 'k', 'w2', 5_000);
      expect(taken).toMatchObject({ claimed: true, expired: { owner: 'crashed' } });
      expect(await store.claim('s', 'k', 'crashed', 5_000)).toMatchObject({ claimed: false, owner: 'w2' });
    });

    it('keeps leases of different keys and scopes apart', async () => {
      const { store } = await fresh();
      await store.claim('a', 'k', 'w1', 5_000);
      expect(await store.claim('b', 'k', 'w2', 5_000)).toEqual({ claimed: true });
      expect(await store.claim('a', 'k2', 'w2', 5_000)).toEqual({ claimed: true });
    });

    it('grants a contested claim to exactly one of many owners, through two handles, also on an expired lease', async () => {
      const opened = await fresh();
      const other = await second(opened);
      const fresh24 = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? other : opened.store).claim('s', 'contested', `w${i}`, 5_000)));
      expect(fresh24.filter((c) => c.claimed)).toHaveLength(1);
      await opened.store.claim('s', 'stale', 'crashed', 60);
      await delay(150);
      const takeovers = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? other : opened.store).claim('s', 'stale', `w${i}`, 5_000)));
      expect(takeovers.filter((c) => c.claimed)).toHaveLength(1);
    });

    it('lists live records by scope, prefix and state', async () => {
      const { store } = await fresh();
      await store.set('fusebill:1', 'intent:a', rec('applied', 'a'));
      await store.set('fusebill:1', 'intent:b', rec('in_doubt', 'b'));
      await store.set('fusebill:1', 'token:x', rec('valid', 'secret-ish'));
      await store.set('fusebill:1', 'intent:gone', rec('in_doubt', 'gone'), 60);
      await store.set('finerworks:2', 'intent:c', rec('in_doubt', 'c'));
      await delay(150);
      const keys = (list: { scope: string; key: string }[]) => list.map((r) => `${r.scope}/${r.key}`).sort();
      expect(keys(await store.list({ scope: 'fusebill:1', prefix: 'intent:' }))).toEqual(['fusebill:1/intent:a', 'fusebill:1/intent:b']);
      expect(keys(await store.list({ prefix: 'intent:', state: 'in_doubt' }))).toEqual(['finerworks:2/intent:c', 'fusebill:1/intent:b']);
      expect(keys(await store.list())).toEqual(['finerworks:2/intent:c', 'fusebill:1/intent:a', 'fusebill:1/intent:b', 'fusebill:1/token:x']);
      expect(await store.list({ scope: 'nobody' })).toEqual([]);
      const [b] = await store.list({ scope: 'fusebill:1', state: 'in_doubt' });
      expect(b).toEqual({ scope: 'fusebill:1', key: 'intent:b', record: rec('in_doubt', 'b') });
    });

    it('a second handle sees the first handle’s records and leases', async () => {
      const opened = await fresh();
      if (!opened.reopen) return;
      const other = await second(opened);
      await opened.store.set('s', 'k', rec('applied', { ok: true }));
      await opened.store.claim('s', 'lease', 'w1', 5_000);
      expect(await other.get('s', 'k')).toEqual(rec('applied', { ok: true }));
      expect(await other.claim('s', 'lease', 'w2', 5_000)).toMatchObject({ claimed: false, owner: 'w1' });
      expect((await other.list({ scope: 's' })).map((r) => r.key)).toEqual(['k']);
    });

    it('a second handle follows the first’s overwrites and deletes, and compares against the latest', async () => {
      const opened = await fresh();
      const other = await second(opened);
      await opened.store.set('s', 'k', rec('one', 1));
      expect(await other.get('s', 'k')).toEqual(rec('one', 1));
      await opened.store.set('s', 'k', rec('two', 2));
      expect(await other.compareAndSet('s', 'k', 'one', rec('stale'))).toBe(false);
      expect(await other.compareAndSet('s', 'k', 'two', rec('three', 3))).toBe(true);
      expect(await opened.store.get('s', 'k')).toEqual(rec('three', 3));
      await opened.store.delete('s', 'k');
      expect(await other.get('s', 'k')).toBeUndefined();
      expect(await other.list({ scope: 's' })).toEqual([]);
      expect(await other.compareAndSet('s', 'k', undefined, rec('again'))).toBe(true);
      expect(await opened.store.get('s', 'k')).toEqual(rec('again'));
    });

    it('a lease released or taken over through one handle is seen by the other', async () => {
      const opened = await fresh();
      const other = await second(opened);
      await opened.store.claim('s', 'k', 'w1', 5_000);
      await other.release('s', 'k', 'w1');
      expect(await opened.store.claim('s', 'k', 'w2', 60)).toEqual({ claimed: true });
      await delay(150);
      expect(await other.claim('s', 'k', 'w3', 5_000)).toMatchObject({ claimed: true, expired: { owner: 'w2' } });
      expect(await opened.store.claim('s', 'k', 'w2', 5_000)).toMatchObject({ claimed: false, owner: 'w3' });
    });
  });
}
