// Which state store a command uses: `--store` (or env CREDITKIT_STORE; the flag wins) as `file:<dir>`,
// `redis://…` / `rediss://…`, or `memory`. A Redis URL may carry a password: it is registered as a secret before
// anything is parsed (storePasswords), and a value holding `@` is never echoed.
import { fileURLToPath } from 'node:url';
import { UsageError } from '../usage-error.js';

export type StoreSpec = { readonly kind: 'memory' } | { readonly kind: 'file'; readonly dir: string } | { readonly kind: 'redis'; readonly url: string };

export const STORE_ENV = 'CREDITKIT_STORE';

/** `source`: the option or env var the value came from, named in the error. */
export function parseStoreSpec(text: string, source: string): StoreSpec {
  const hint = `e.g. ${source === STORE_ENV ? `${STORE_ENV}=` : `${source} `}file:/var/lib/creditkit, redis://:<password>@host:6379 or memory`;
  const quoted = text.includes('@') ? '' : `; got '${text}'`;
  if (text === 'memory') return { kind: 'memory' };
  if (text.startsWith('file://')) {
    try {
      return { kind: 'file', dir: fileURLToPath(text) };
    } catch {
      throw new UsageError(`${source} is not a usable file URL${quoted}`, hint);
    }
  }
  if (text.startsWith('file:')) {
    if (text.length === 'file:'.length) throw new UsageError(`${source} file: needs a folder, like file:/var/lib/creditkit`, hint);
    return { kind: 'file', dir: text.slice('file:'.length) };
  }
  if (/^rediss?:\/\//i.test(text)) {
    if (!URL.canParse(text)) throw new UsageError(`${source} is not a valid Redis URL${quoted}`, hint);
    return { kind: 'redis', url: text };
  }
  throw new UsageError(`${source} must be file:<dir>, redis://…, rediss://… or memory${quoted}`, hint);
}

/**
 * The passwords in the `--store` values of `argv` and in the env value, read loosely (before the strict parse),
 * each as written and decoded: the output gate scrubs them from everything the command prints.
 */
export function storePasswords(argv: readonly string[], envValue: string | undefined): string[] {
  const values = envValue === undefined ? [] : [envValue];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--store' && i + 1 < argv.length) values.push(argv[++i]!);
    else if (arg.startsWith('--store=')) values.push(arg.slice('--store='.length));
  }
  return values.flatMap(passwordOf);
}

function passwordOf(value: string): string[] {
  // `scheme://user:password@host`, also when the rest would not parse as a URL.
  const written = URL.canParse(value) ? new URL(value).password : (/^[a-z][a-z0-9+.-]*:\/\/[^/@]*?:([^/]*)@/i.exec(value)?.[1] ?? '');
  if (!written) return [];
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // A stray `%`: the written form is all there is.
  }
  return [written, decoded];
}
