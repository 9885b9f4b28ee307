// `--data '<json>'`, `--data @file.json` or `--data @-` (stdin) -> the operation's input object.
import { readFile } from 'node:fs/promises';
import type { Io } from '../io.js';
import { UsageError } from '../usage-error.js';

export async function readInput(data: string | undefined, io: Io, example: string): Promise<Record<string, unknown>> {
  if (data === undefined) return {};
  const hint = `pass a JSON object, e.g. --data '${example}' (or --data @file.json, --data @- for stdin)`;
  let text = data;
  if (data.startsWith('@')) {
    const path = data.slice(1);
    try {
      text = path === '-' ? await io.readStdin() : await readFile(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --data file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, hint);
    }
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
