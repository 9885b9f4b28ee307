// fileStore across processes: child Node processes (file-store.child.ts under tsx) race on one folder, get killed
// mid-append and leave the journal lock behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStore } from './file-store.js';

const child = resolve(import.meta.dirname, 'file-store.child.ts');
const root = resolve(import.meta.dirname, '../../../..');

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', child, ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.test.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finish(proc: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done, fail) => {
    proc.on('error', fail);
    proc.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Resolves once the child's stdout satisfies `ready`. */
function waitFor(proc: ChildProcess, ready: (stdout: string) => boolean): Promise<string> {
  let stdout = '';
  return new Promise((done, fail) => {
    proc.on('close', () => fail(new Error(`child ended before it was ready: ${stdout}`)));
    proc.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (ready(stdout)) done(stdout);
    });
  });
}

let dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'creditkit-filestore-proc-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

describe('fileStore(dir) across processes', () => {
  it('six processes racing claims (fresh and expired) and compareAndSets on the same keys: one winner per key, no lost update, one view', async () => {
    const dir = await tempDir();
    const keys = 8;
    const increments = 15;
    await fileStore(dir).claim('s', 'stale', 'crashed', 1);
    const children = Array.from({ length: 6 }, (_, id) => start(['race', dir, String(id), '6', String(keys), String(increments)]));
    const runs = children.map(finish);
    await Promise.all(children.map((c) => waitFor(c, (out) => out.includes('ready\n'))));
    await writeFile(join(dir, 'go'), '');
    for (const run of await Promise.all(runs)) expect(run, run.stderr).toMatchObject({ code: 0 });
    const results = (await Promise.all(runs)).map((r) => JSON.parse(r.stdout.replace('ready\n', '')) as { claims: string[]; sets: string[]; seen: unknown[]; takeover?: string });
    const all = Array.from({ length: keys }, (_, i) => `k${i}`);
    expect(results.flatMap((r) => r.claims).sort()).toEqual([...all].sort());
    expect(results.flatMap((r) => r.sets).sort()).toEqual([...all].sort());
    expect(results.flatMap((r) => r.takeover ?? [])).toEqual(['crashed']);

    const store = fileStore(dir);
    // Every compareAndSet increment of every process landed: none overwrote another.
    expect(await store.get('s', 'counter')).toEqual({ state: `n${6 * increments}`, value: 6 * increments });
    for (const [id, result] of results.entries()) {
      for (const key of result.sets) expect(await store.get('s', key)).toEqual({ state: 'won', value: String(id) });
      for (const key of result.claims) expect(await store.claim('s', key, 'late', 1_000)).toMatchObject({ claimed: false, owner: `p${id}` });
    }
    expect(await store.list({ state: 'won' })).toHaveLength(keys);
    // Every process ends up seeing the same records as a fresh handle does.
    const final = (await store.list()).sort((a, b) => a.key.localeCompare(b.key));
    expect(final).toHaveLength(keys + 1);
    for (const result of results) expect(result.seen).toEqual(final);
  });

  it('a process killed mid-append leaves a journal that replays: every record whole, every acknowledged write there', async () => {
    const dir = await tempDir();
    const writer = start(['append', dir]);
    const acknowledged = await waitFor(writer, (out) => out.split('\n').length > 60);
    writer.kill('SIGKILL');
    await finish(writer).catch(() => {});

    const store = fileStore(dir);
    const records = await store.list({ scope: 's' });
    const last = Math.max(...acknowledged.split('\n').filter((l) => l !== '').map(Number));
    expect(records.length).toBeGreaterThanOrEqual(last + 1);
    for (const { key, record } of records) expect(record).toEqual({ state: 'written', value: { i: Number(key.slice(1)), pad: 'x'.repeat(4000) } });

    // The next write lands after whatever the kill left, and every line of the journal is whole again.
    await store.set('s', 'after', { state: 'written', value: 'after the crash' });
    expect(await fileStore(dir).get('s', 'after')).toEqual({ state: 'written', value: 'after the crash' });
    const text = await readFile(join(dir, 'journal.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    for (const line of text.split('\n').slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('takes over the journal lock of a killed process of this machine at once, not after staleLockMs', async () => {
    const dir = await tempDir();
    const holder = start(['hold-lock', dir]);
    await waitFor(holder, (out) => out.includes('locked'));
    holder.kill('SIGKILL');
    await finish(holder).catch(() => {});
    const left = JSON.parse(await readFile(join(dir, 'journal.lock'), 'utf8')) as { pid: number; createdAt: number };
    expect(left.pid).toBe(holder.pid);

    const store = fileStore(dir, { staleLockMs: 60_000 });
    const started = Date.now();
    await store.set('s', 'k', { state: 'written', value: 1 });
    // Its pid is gone on this machine: no need to wait a minute for the lock to grow stale.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await fileStore(dir).get('s', 'k')).toEqual({ state: 'written', value: 1 });
    await expect(readFile(join(dir, 'journal.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
