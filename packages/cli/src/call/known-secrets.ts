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

/** Core's Secrets matches every form a value travels in, longest first, so a plain registration is enough. */
export function addSecrets(secrets: Secrets, values: readonly (string | undefined)[]): void {
  for (const value of values) secrets.add(value);
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
