// A worker process for file-store.test.ts (run with `node --import tsx`): does one job on a fileStore folder and
// reports on stdout, so that the test can race several processes or kill one mid-write.
//   race <dir> <id> <racers> <keys> <increments>  once <dir>/go exists, claims and compareAndSets keys k0…, adds to
//                                        a shared counter; prints `ready`, then its wins and, once all racers are
//                                        done, the records it sees, as JSON
//   append <dir>                          sets records in a loop, printing each index once it is written
//   hold-lock <dir>                       takes the journal lock and never lets go
import { access, readdir, writeFile } from 'node:fs/promises';
import { acquireLock } from './file-lock.js';
import { fileStore } from './file-store.js';

const [job, dir, ...rest] = process.argv.slice(2);

async function race(id: string, racers: number, keys: number, increments: number) {
  const store = fileStore(dir!);
  process.stdout.write('ready\n');
  // All start together, so that they do race.
  while (!(await access(`${dir}/go`).then(() => true, () => false))) await new Promise((r) => setTimeout(r, 2));
  const claims: string[] = [];
  const sets: string[] = [];
  // The lease the test left expired, as a crashed worker would: one process takes it over.
  const stale = await store.claim('s', 'stale', `p${id}`, 60_000);
  const takeover = stale.claimed ? (stale.expired?.owner ?? 'none') : undefined;
  for (let i = 0; i < keys; i++) {
    if ((await store.claim('s', `k${i}`, `p${id}`, 60_000)).claimed) claims.push(`k${i}`);
    if (await store.compareAndSet('s', `k${i}`, undefined, { state: 'won', value: id })) sets.push(`k${i}`);
  }
  for (let done = 0; done < increments; ) {
    const current = await store.get('s', 'counter');
    const n = (current?.value as number | undefined) ?? 0;
    if (await store.compareAndSet('s', 'counter', current?.state, { state: `n${n + 1}`, value: n + 1 })) done++;
  }
  // Once every racer is done, each reports what it sees, to compare.
  await writeFile(`${dir}/done-${id}`, '');
  while ((await readdir(dir!)).filter((f) => f.startsWith('done-')).length < racers) await new Promise((r) => setTimeout(r, 5));
  const seen = (await store.list()).sort((a, b) => a.key.localeCompare(b.key));
  process.stdout.write(JSON.stringify({ claims, sets, seen, takeover }));
}

async function append() {
  const store = fileStore(dir!);
  for (let i = 0; ; i++) {
    await store.set('s', `k${i}`, { state: 'written', value: { i, pad: 'x'.repeat(4000) } });
    process.stdout.write(`${i}\n`);
  }
}

async function holdLock() {
  await acquireLock(`${dir}/journal.lock`, 60_000);
  process.stdout.write('locked\n');
  setInterval(() => {}, 1_000);
}

if (job === 'race') await race(rest[0]!, Number(rest[1]), Number(rest[2]), Number(rest[3]));
else if (job === 'append') await append();
else if (job === 'hold-lock') await holdLock();
