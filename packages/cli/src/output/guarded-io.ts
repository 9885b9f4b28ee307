// The one gate every line the command prints goes through: scrubbed of every credential the command holds,
// then made terminal-safe. Values are scrubbed and escaped where they are formatted too; this gate is the
// net under all of it (walkthrough, help, dry run, errors), so no write path can forget.
import type { Secrets } from '@creditkit/core';
import type { Io } from '../io.js';
import { terminalSafe } from './terminal-safe.js';

export function guardedIo(io: Io, secrets: Secrets): Io {
  const clean = (text: string) => terminalSafe(secrets.scrub(text));
  return {
    out: (text) => io.out(clean(text)),
    err: (text) => io.err(clean(text)),
    // The progress line draws its own controls (`\r`, erase line) and cleans its text itself (call/progress.ts).
    ...(io.progress ? { progress: io.progress } : {}),
    readStdin: (maxBytes) => io.readStdin(maxBytes),
    onInterrupt: (handler) => io.onInterrupt(handler),
  };
}
