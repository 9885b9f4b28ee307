// The credentials the command holds before it knows which provider it calls: every --credential value,
// registered first, so even a failure that comes before the call (a bad flag, an unknown operation) cannot
// print one. The provider's env vars and the simulators' credentials are added once the call is set up
// (call/client-options.ts), and what the client derives from them as it sends (call/learn-secrets.ts).
import { Secrets } from '@creditkit/core';

export function knownSecrets(argv: readonly string[]): Secrets {
  const secrets = new Secrets();
  // `name=value`: the value alone too, as it travels.
  addSecrets(secrets, credentialValues(argv).flatMap((flag) => [flag, flag.slice(flag.indexOf('=') + 1)]));
  return secrets;
}

/** Longest first: a secret that starts with a shorter one is replaced whole, not left with its tail showing. */
export function addSecrets(secrets: Secrets, values: readonly (string | undefined)[]): void {
  for (const value of values.filter((v) => v !== undefined).sort((a, b) => b.length - a.length)) addSecret(secrets, value);
}

/**
 * Registers a secret with core's Secrets, plus two forms an echo may take in what the command prints: form
 * encoding (`+` for a space) and JSON string escaping (a `"` or `\` in the value).
 */
export function addSecret(secrets: Secrets, value: string | undefined): void {
  if (!value) return;
  secrets.add(value);
  secrets.add(new URLSearchParams({ s: value }).toString().slice(2));
  secrets.add(JSON.stringify(value).slice(1, -1));
}

/** The values of `--credential x`, `--credential=x`, `-c x`, `-cx` (and `-vc x`), read loosely (before the strict parse). */
function credentialValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if ((arg === '--credential' || arg === '-c') && i + 1 < argv.length) out.push(argv[++i]!);
    else if (arg.startsWith('--credential=')) out.push(arg.slice('--credential='.length));
    else {
      // A group of short flags: the boolean ones (-v, -h) may come before -c, whose value is the rest or the next arg.
      const short = /^-[vh]*c(.*)$/s.exec(arg);
      if (short?.[1]) out.push(short[1]);
      else if (short && i + 1 < argv.length) out.push(argv[++i]!);
    }
  }
  return out;
}
