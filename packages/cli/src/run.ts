// `creditkit …`: parses the command line and hands it to the command it names. Returns the exit code.
import type { Secrets, StateStore } from '@creditkit/core';
import { type Args, parseCommandLine } from './args.js';
import { addSecrets, knownSecrets } from './call/known-secrets.js';
import { callCommand } from './commands/call.js';
import { INTENTS_SUBCOMMANDS, intentsCommand } from './commands/intents.js';
import { providersCommand } from './commands/providers.js';
import { walkthroughCommand } from './commands/walkthrough.js';
import { EXIT_CODES } from './exit-codes.js';
import { globalHelp, operationHelp, providerHelp, providersHelp, walkthroughHelp } from './help/texts.js';
import { intentsHelp } from './help/intents-help.js';
import { type Io, processIo } from './io.js';
import { guardedIo } from './output/guarded-io.js';
import { registry } from './providers.js';
import { reportFailure } from './report-failure.js';
import { STORE_ENV, storePasswords } from './store/store-spec.js';
import { type StoreSource, storeSource } from './store/use-store.js';
import { UsageError } from './usage-error.js';

/** Options of {@link run}. */
export interface RunOptions {
  /**
   * The state store for calls (`--intent`) and `creditkit intents`, instead of the one `--store` or
   * CREDITKIT_STORE names: an embedding app's own. The command never closes it.
   */
  store?: StateStore;
}

/**
 * Runs the `creditkit` command in-process with these arguments (without `node` and the script), e.g.
 * `run(['providers'])`, and resolves with its exit code ({@link EXIT_CODES}).
 */
export async function run(argv: readonly string[], io: Io = processIo(), options: RunOptions = {}): Promise<number> {
  // One Secrets for the whole command: every credential it learns is added, and every write is scrubbed of them.
  const secrets = knownSecrets(argv);
  // A store URL's password too, from the flag or the env var, before anything can fail and print.
  addSecrets(secrets, storePasswords(argv, process.env[STORE_ENV]));
  const guarded = guardedIo(io, secrets);
  try {
    const args = parseCommandLine(argv);
    return await dispatch(args, guarded, secrets, () => storeSource(args, options.store));
  } catch (error) {
    return reportFailure(error, { secrets }, guarded);
  }
}

async function dispatch(args: Args, io: Io, secrets: Secrets, store: () => StoreSource): Promise<number> {
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
  if (command === 'intents') {
    const known = INTENTS_SUBCOMMANDS.find((sub) => sub === operation);
    if (args.help) return help(intentsHelp(known));
    if (known === undefined) {
      throw new UsageError(operation === undefined ? 'which intents command?' : `intents has no command '${operation}'`, `choose ${INTENTS_SUBCOMMANDS.join(', ')} (creditkit intents --help)`);
    }
    return intentsCommand(known, extra, args, io, secrets, store());
  }

  // Compared by value, never looked up as a property: `constructor` or `__proto__` is just an unknown name.
  const provider = registry.providers.find((p) => p.id === command);
  if (!provider) {
    throw new UsageError(`unknown command or provider '${command}'`, `choose providers, walkthrough, intents or a provider: ${registry.providers.map((p) => p.id).join(', ')}`);
  }
  const choose = `choose ${Object.keys(provider.operations).join(', ')} (creditkit ${provider.id} --help)`;
  if (operation === undefined) {
    if (args.help) return help(providerHelp(provider));
    throw new UsageError(`which ${provider.name} operation?`, choose);
  }
  if (!Object.hasOwn(provider.operations, operation)) throw new UsageError(`${provider.name} has no operation '${operation}'`, choose);
  if (args.help) return help(operationHelp(provider, operation));
  noExtra(extra);
  return callCommand(provider, operation, args, io, secrets, args.dryRun ? {} : store());
}

function noExtra(extra: readonly (string | undefined)[]): void {
  const first = extra.find((e) => e !== undefined);
  if (first !== undefined) throw new UsageError(`unexpected argument '${first}'`, "pass the input with --data '<json>'; run `creditkit --help` for usage");
}
