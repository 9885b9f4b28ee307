import { appendFile, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStateStore } from '@creditkit/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors.js';
import { fileStore } from './file-store.js';
import type { StoredRecord, StoredValue } from './state-store.js';

describeStateStore('fileStore(dir)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'creditkit-filestore-'));
  return { store: fileStore(dir), reopen: async () => fileStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

let dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'creditkit-filestore-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});
const rec = (state: string, value: StoredValue = null): StoredRecord => ({ state, value });
const journalLines = async (dir: string) => (await readFile(join(dir, 'journal.jsonl'), 'utf8')).split('\n');

describe('fileStore(dir) on disk', () => {
  it('drops a torn last line, and the next write cuts it off and lands', async () => {
    const dir = await tempDir();
    await fileStore(dir).set('s', 'a', rec('applied', 1));
    await appendFile(join(dir, 'journal.jsonl'), '{"op":"set","s":"s","k":"torn","r":{"state":"app');
    const reader = fileStore(dir);
    expect(await reader.list()).toEqual([{ scope: 's', key: 'a', record: rec('applied', 1) }]);
    await fileStore(dir).set('s', 'b', rec('applied', 2));
    expect((await reader.list()).map((r) => r.key).sort()).toEqual(['a', 'b']);
    expect(await fileStore(dir).get('s', 'b')).toEqual(rec('applied', 2));
    const lines = await journalLines(dir);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0]!)).toMatchObject({ op: 'journal' });
    expect(lines.slice(1, -1).map((l) => JSON.parse(l))).toMatchObject([{ op: 'set', k: 'a' }, { op: 'set', k: 'b' }]);
  });

  it('skips whole lines that do not parse or are not records, and keeps reading after them', async () => {
    const dir = await tempDir();
    await fileStore(dir).set('s', 'a', rec('applied', 1));
    await appendFile(join(dir, 'journal.jsonl'), 'not json\n{"op":"set","s":"s","k":"x"}\n[]\nnull\n{"op":"set","s":"s","k":"y","r":{"state":7}}\n');
    const store = fileStore(dir);
    await store.set('s', 'b', rec('applied', 2));
    expect((await fileStore(dir).list()).map((r) => r.key).sort()).toEqual(['a', 'b']);
  });

  it('creates the folder 0700 and its files 0600: it may hold a bearer token', async () => {
    const dir = join(await tempDir(), 'nested', 'state');
    const store = fileStore(dir);
    await store.set('s', 'token', rec('valid', 'secret'));
    await store.claim('s', 'k', 'w1', 5_000);
    const mode = async (path: string) => (await stat(path)).mode & 0o777;
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, 'leases'))).toBe(0o700);
    expect(await mode(join(dir, 'journal.jsonl'))).toBe(0o600);
    const leases = await readdir(join(dir, 'leases'));
    expect(leases).toHaveLength(1);
    expect(leases[0]).toMatch(/^[0-9a-f]{64}\.lease$/);
    expect(await mode(join(dir, 'leases', leases[0]!))).toBe(0o600);
  });

  it('removes temporary files a crashed process left, once older than staleLockMs, and keeps everything else', async () => {
    const dir = await tempDir();
    await fileStore(dir).claim('s', 'k', 'w1', 60_000);
    const old = new Date(Date.now() - 60_000);
    const left = [join(dir, 'leases', '.tmp-0a1b2c'), join(dir, 'journal.jsonl.compact-0a1b2c'), join(dir, 'journal.jsonl.new-0a1b2c')];
    for (const path of left) {
      await writeFile(path, '{"owner":"crashed","expiresAt":0}');
      await utimes(path, old, old);
    }
    const recent = join(dir, 'leases', '.tmp-ffff');
    await writeFile(recent, '{}');
    const mine = join(dir, 'notes.txt');
    await writeFile(mine, 'kept');
    await utimes(mine, old, old);
    await fileStore(dir, { staleLockMs: 1_000 }).get('s', 'k');
    for (const path of left) await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readdir(join(dir, 'leases'))).sort()).toEqual(['.tmp-ffff', expect.stringMatching(/\.lease$/)].sort());
    expect(await readFile(mine, 'utf8')).toBe('kept');
    expect(await fileStore(dir).claim('s', 'k', 'w2', 1_000)).toMatchObject({ claimed: false, owner: 'w1' });
  });

  it('names itself file:<dir>', () => {
    expect(fileStore('/var/lib/creditkit').name).toBe('file:/var/lib/creditkit');
  });

  it('refuses a dir that is not a non-empty string with a ConfigurationError for the store option', () => {
    for (const dir of ['', '  ', undefined, 42, null]) {
      expect(() => fileStore(dir as string)).toThrow(ConfigurationError);
      try {
        fileStore(dir as string);
      } catch (error) {
        expect(error).toMatchObject({ option: 'store' });
      }
    }
    expect(() => fileStore('/tmp/x', { staleLockMs: 0 })).toThrow(ConfigurationError);
  });

  it('a folder that cannot be created is a ConfigurationError naming it, from the first call', async () => {
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, 'not a folder');
    const store = fileStore(join(file, 'state'));
    await expect(store.get('s', 'k')).rejects.toThrow(ConfigurationError);
    await expect(store.set('s', 'k', rec('x'))).rejects.toMatchObject({ option: 'store', message: expect.stringContaining(join(file, 'state')) });
    await expect(store.claim('s', 'k', 'w1', 1_000)).rejects.toThrow(ConfigurationError);
  });

  it('compacts a journal past compactBytes to the live records, and other handles follow', async () => {
    const dir = await tempDir();
    const writer = fileStore(dir, { compactBytes: 2_000 });
    const reader = fileStore(dir);
    await writer.set('s', 'gone', rec('x', 'expires'), 1);
    await writer.set('s', 'deleted', rec('x'));
    await writer.delete('s', 'deleted');
    for (let i = 0; i < 200; i++) {
      await writer.set('s', `k${i % 5}`, rec(`v${i}`, i));
      if (i === 100) expect((await reader.get('s', 'k0'))?.value).toBe(100);
    }
    const lines = (await journalLines(dir)).filter((l) => l !== '');
    expect(lines.length).toBeLessThan(40);
    expect((await stat(join(dir, 'journal.jsonl'))).size).toBeLessThanOrEqual(2_000 + 100);
    const expected = [195, 196, 197, 198, 199].map((i) => ({ scope: 's', key: `k${i % 5}`, record: rec(`v${i}`, i) }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect((await reader.list()).sort(byKey)).toEqual(expected);
    expect((await fileStore(dir).list()).sort(byKey)).toEqual(expected);
  });
});
