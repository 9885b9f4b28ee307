// `creditkit …`: parses the command line and hands it to the command it names. Returns the exit code.
import type { Secrets } from '@creditkit/core';
import { type Args, parseCommandLine } from './args.js';
import { knownSecrets } from './call/known-secrets.js';
import { callCommand } from './commands/call.js';
import { providersCommand } from './commands/providers.js';
import { walkthroughCommand } from './commands/walkthrough.js';
import { EXIT_CODES } from './exit-codes.js';
import { globalHelp, operationHelp, providerHelp, providersHelp, walkthroughHelp } from './help/texts.js';
import { type Io, processIo } from './io.js';
import { guardedIo } from './output/guarded-io.js';
import { registry } from './providers.js';
import { reportFailure } from './report-failure.js';
import { UsageError } from './usage-error.js';

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  // One Secrets for the whole command: every credential it learns is added, and every write is scrubbed of them.
  const secrets = knownSecrets(argv);
  const guarded = guardedIo(io, secrets);
  try {
    return await dispatch(parseCommandLine(argv), guarded, secrets);
  } catch (error) {
    return reportFailure(error, { secrets }, guarded);
  }
}

async function dispatch(args: Args, io: Io, secrets: Secrets): Promise<number> {
  const [command, operation, ...extra] = args.positionals;
  const help = (text: string) => {
    io.out(text);
    return EXIT_CODES.ok;
  };
  if (command === undefined || command === 'help') {
    if (command === 'help' || args.help) return help(globalHelp());
    throw new UsageError('no command given');
  }
  if (command === 'providers' || command === 'walkthrough') {
    if (args.help) return help(command === 'providers' ? providersHelp() : walkthroughHelp());
    noExtra([operation, ...extra]);
    return command === 'providers' ? providersCommand(args, io, secrets) : walkthroughCommand(args, io, secrets);
  }

  // Compared by value, never looked up as a property: `constructor` or `__proto__` is just an unknown name.
  const provider = registry.providers.find((p) => p.id === command);
  if (!provider) {
    throw new UsageError(`unknown command or provider '${command}'`, `choose providers, walkthrough or a provider: ${registry.providers.map((p) => p.id).join(', ')}`);
  }
  const choose = `choose ${Object.keys(provider.operations).join(', ')} (creditkit ${provider.id} --help)`;
  if (operation === undefined) {
    if (args.help) return help(providerHelp(provider));
    throw new UsageError(`which ${provider.name} operation?`, choose);
  }
  if (!Object.hasOwn(provider.operations, operation)) throw new UsageError(`${provider.name} has no operation '${operation}'`, choose);
  if (args.help) return help(operationHelp(provider, operation));
  noExtra(extra);
  return callCommand(provider, operation, args, io, secrets);
}

function noExtra(extra: readonly (string | undefined)[]): void {
  const first = extra.find((e) => e !== undefined);
  if (first !== undefined) throw new UsageError(`unexpected argument '${first}'`, "pass the input with --data '<json>'; run `creditkit --help` for usage");
}
