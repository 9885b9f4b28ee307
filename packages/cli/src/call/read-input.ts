// `--data '<json>'`, `--data @file.json` or `--data @-` (stdin) -> the operation's input object.
// Capped at 10 MiB whatever the source, and a file or stdin is read only up to the cap (`@/dev/zero` ends).
import { createReadStream } from 'node:fs';
import type { Io } from '../io.js';
import { UsageError } from '../usage-error.js';
import { readCapped } from './read-capped.js';

export const MAX_DATA_BYTES = 10 * 1024 * 1024;

export async function readInput(data: string | undefined, io: Io, example: string): Promise<Record<string, unknown>> {
  if (data === undefined) return {};
  const hint = `pass a JSON object, e.g. --data '${example}' (or --data @file.json, --data @- for stdin)`;
  let text = data;
  if (data.startsWith('@')) {
    const path = data.slice(1);
    try {
      text = path === '-' ? await io.readStdin(MAX_DATA_BYTES) : (await readCapped(createReadStream(path), MAX_DATA_BYTES)).toString('utf8');
    } catch (error) {
      throw new UsageError(`cannot read --data file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, hint);
    }
  }
  // A decoded text is never shorter in UTF-8 than the bytes it came from, so this catches every oversized source.
  if (Buffer.byteLength(text) > MAX_DATA_BYTES) {
    throw new UsageError(`--data is larger than ${MAX_DATA_BYTES / 1024 / 1024} MiB`, 'pass a smaller input: no operation of these APIs takes anywhere near that much');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--data is not valid JSON: ${(error as Error).message}`, hint);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('--data must be a JSON object', hint);
  return value as Record<string, unknown>;
}
