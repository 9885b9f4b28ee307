// The journal of fileStore: an append-only JSONL file of every record change, and the in-memory index one handle
// builds from it. A handle replays from the byte offset it had read, so it sees other processes' appends. Only
// whole lines count: a torn last line (a crash mid-append) is left unread, and the next writer, holding the
// directory lock, cuts it off before appending. Lines that do not parse are skipped.
import { randomBytes } from 'node:crypto';
import { type FileHandle, link, open, rename, unlink } from 'node:fs/promises';
import type { StoredRecord, StoredValue } from './state-store.js';

/** A record as the index holds it: `expiresAt` in epoch ms, Infinity for no TTL. */
export interface Entry {
  readonly record: StoredRecord;
  readonly expiresAt: number;
}

/** One journal line. `x` is the expiry (epoch ms), absent for no TTL. */
type Line = { op: 'set'; s: string; k: string; r: StoredRecord; x?: number } | { op: 'del'; s: string; k: string };

const NEWLINE = 0x0a;

/** The first line of every journal file: a random id, which changes when compaction writes a new file. */
const header = () => `${JSON.stringify({ op: 'journal', id: randomBytes(12).toString('hex') })}\n`;
const HEADER_BYTES = header().length;

function parseLine(text: string): Line | undefined {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof line !== 'object' || line === null) return undefined;
  const l = line as Record<string, unknown>;
  if (typeof l.s !== 'string' || typeof l.k !== 'string') return undefined;
  if (l.op === 'del') return { op: 'del', s: l.s, k: l.k };
  const r = l.r as Record<string, unknown> | null | undefined;
  if (l.op !== 'set' || typeof r !== 'object' || r === null || typeof r.state !== 'string') return undefined;
  if (l.x !== undefined && typeof l.x !== 'number') return undefined;
  return { op: 'set', s: l.s, k: l.k, r: { state: r.state, value: (r.value ?? null) as StoredValue }, ...(l.x === undefined ? {} : { x: l.x }) };
}

export const setLine = (scope: string, key: string, record: StoredRecord, expiresAt: number): Line =>
  Number.isFinite(expiresAt) ? { op: 'set', s: scope, k: key, r: record, x: expiresAt } : { op: 'set', s: scope, k: key, r: record };
export const deleteLine = (scope: string, key: string): Line => ({ op: 'del', s: scope, k: key });

export interface JournalOptions {
  /** Past this size, the writer rewrites the live records to a new journal. */
  readonly compactBytes: number;
  /** fsyncs the folder, after a file is created or renamed in it. */
  readonly syncDir: () => Promise<void>;
}

export class Journal {
  /** scope → key → entry. */
  readonly index = new Map<string, Map<string, Entry>>();
  /** Bytes of whole lines read so far. */
  private offset = 0;
  /** Which file those bytes came from (its header): compaction renames a new file over the path. */
  private identity: string | undefined;
  /** This handle compacts once the journal passes this; never sooner than twice the live records' size. */
  private compactAt: number;

  constructor(
    private readonly path: string,
    private readonly options: JournalOptions,
  ) {
    this.compactAt = options.compactBytes;
  }

  /** Creates the journal with its header unless it exists (exclusively: link fails on an existing name). */
  async create(): Promise<void> {
    const temporary = `${this.path}.new-${randomBytes(6).toString('hex')}`;
    await this.writeFile(temporary, Buffer.from(header(), 'utf8'));
    try {
      await link(temporary, this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary).catch(() => {});
    }
    await this.options.syncDir();
  }

  /** Reads what other handles appended since the last read. */
  async refresh(): Promise<void> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.reset(undefined);
      return;
    }
    try {
      await this.readFrom(handle);
    } finally {
      await handle.close();
    }
  }

  /** Appends lines; the caller holds the directory lock. Cuts a torn tail first, fsyncs, compacts when large. */
  async append(lines: readonly Line[], stillLocked: () => Promise<void>): Promise<void> {
    const handle = await open(this.path, 'a+', 0o600);
    try {
      const size = await this.readFrom(handle);
      // A holder that stalled past staleLockMs lost the lock to another process: it must not write any more.
      await stillLocked();
      if (size > this.offset) await handle.truncate(this.offset);
      const texts = lines.map((l) => JSON.stringify(l));
      const bytes = Buffer.from(texts.map((t) => `${t}\n`).join(''), 'utf8');
      await handle.write(bytes, 0, bytes.length);
      await handle.datasync();
      this.offset += bytes.length;
      // From the written text, so that this handle holds what every other handle will read (and not the caller's object).
      for (const text of texts) {
        const line = parseLine(text);
        if (line) this.apply(line);
      }
    } finally {
      await handle.close();
    }
    if (this.offset > this.compactAt) await this.compact(stillLocked);
  }

  /** The live entry, dropping an expired one from the index. */
  live(scope: string, key: string, now = Date.now()): Entry | undefined {
    const entry = this.index.get(scope)?.get(key);
    if (entry && entry.expiresAt <= now) {
      this.index.get(scope)!.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Rewrites the live records to a new file and renames it over the journal; the caller holds the lock. */
  private async compact(stillLocked: () => Promise<void>): Promise<void> {
    const now = Date.now();
    const lines: string[] = [];
    for (const [scope, keys] of this.index) {
      for (const [key, entry] of keys) {
        if (entry.expiresAt > now) lines.push(`${JSON.stringify(setLine(scope, key, entry.record, entry.expiresAt))}\n`);
      }
    }
    const head = header();
    const bytes = Buffer.from(head + lines.join(''), 'utf8');
    // Live records that fill most of the journal: rewriting them would gain little, and again at every append.
    this.compactAt = Math.max(this.options.compactBytes, 2 * bytes.length);
    if (bytes.length * 2 > this.offset) return;
    const temporary = `${this.path}.compact-${randomBytes(6).toString('hex')}`;
    await this.writeFile(temporary, bytes);
    try {
      // Renaming an old snapshot over appends made by a new lock holder would lose them.
      await stillLocked();
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw error;
    }
    await rename(temporary, this.path);
    await this.options.syncDir();
    this.identity = head;
    this.offset = bytes.length;
  }

  /** Writes a new file (0600) and fsyncs it. */
  private async writeFile(path: string, bytes: Buffer): Promise<void> {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.write(bytes, 0, bytes.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Reads whole lines past the offset; returns the file's size (more than the offset: a torn tail). */
  private async readFrom(handle: FileHandle): Promise<number> {
    const stats = await handle.stat();
    const first = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(first, 0, HEADER_BYTES, 0);
    const identity = first.toString('utf8', 0, bytesRead);
    // Another file (compacted) or a shorter one: start over.
    if (identity !== this.identity || stats.size < this.offset) this.reset(identity);
    if (stats.size === this.offset) return stats.size;
    const buffer = Buffer.alloc(stats.size - this.offset);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, this.offset + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const end = read === 0 ? -1 : buffer.lastIndexOf(NEWLINE, read - 1);
    if (end < 0) return stats.size;
    // A newline never falls inside a UTF-8 sequence, so whole lines decode on their own.
    for (const text of buffer.toString('utf8', 0, end).split('\n')) {
      const line = parseLine(text);
      if (line) this.apply(line);
    }
    this.offset += end + 1;
    return stats.size;
  }

  private reset(identity: string | undefined): void {
    this.index.clear();
    this.offset = 0;
    this.identity = identity;
  }

  private apply(line: Line): void {
    let keys = this.index.get(line.s);
    if (line.op === 'del') {
      keys?.delete(line.k);
      return;
    }
    if (!keys) this.index.set(line.s, (keys = new Map()));
    keys.set(line.k, { record: line.r, expiresAt: line.x ?? Number.POSITIVE_INFINITY });
  }
}
