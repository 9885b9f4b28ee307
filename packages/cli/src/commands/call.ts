// `creditkit <provider> <operation>`: one call through the provider's generated client, its typed result
// printed as a table or JSON, or its failure as one line + hint + exit code.
import type { Secrets } from '@creditkit/core';
import type { Args } from '../args.js';
import { targetFor } from '../call/client-options.js';
import { dryRun } from '../call/dry-run.js';
import { learnSecretsPlugin } from '../call/learn-secrets.js';
import { progress } from '../call/progress.js';
import { readInput } from '../call/read-input.js';
import { withSimulators } from '../call/with-simulators.js';
import { EXIT_CODES } from '../exit-codes.js';
import { exampleData } from '../help/examples.js';
import type { Io } from '../io.js';
import { formatRequests } from '../output/format-request.js';
import { toJson } from '../output/json.js';
import { renderResult } from '../output/table.js';
import type { CliProvider } from '../providers.js';
import { type FailureContext, reportFailure } from '../report-failure.js';
import { STORE_ENV } from '../store/store-spec.js';
import { type StoreSource, withStore } from '../store/use-store.js';

type Operation = (input: unknown, options?: { signal?: AbortSignal; idempotencyKey?: string; intentId?: string }) => Promise<unknown>;

/** `source`: the store of `--store` / CREDITKIT_STORE (none for a dry run, which must not claim an intent). */
export async function callCommand(provider: CliProvider, operation: string, args: Args, io: Io, secrets: Secrets, source: StoreSource): Promise<number> {
  const context: FailureContext = { provider, operation, secrets };
  const aborter = new AbortController();
  const unsubscribe = io.onInterrupt(() => aborter.abort());
  try {
    const input = await readInput(args.data, io, exampleData(provider.id, operation) ?? '{…}');
    return await withSimulators(args.mock, async (mock) => {
      const target = targetFor(provider, operation, args, secrets, mock);
      // From here on, a failure's hint can name the URL.
      context.baseUrl = target.baseUrl;
      const callOptions = {
        signal: aborter.signal,
        ...(args.idempotencyKey ? { idempotencyKey: args.idempotencyKey } : {}),
        ...(args.intentId !== undefined ? { intentId: args.intentId } : {}),
      };

      if (args.dryRun) {
        const dry = dryRun(target.secrets, target.baseUrl);
        const base = withPlaceholders(provider, target.options, io);
        const client = provider.createClient({ ...base, ...dry.options(provider) }) as unknown as Record<string, Operation>;
        const requests = await dry.capture(() => client[operation]!(input, callOptions));
        io.out(args.json ? toJson({ dryRun: true, requests }, secrets) : formatRequests(requests));
        io.err('dry run: nothing was sent');
        const key = provider.operations[operation]!.idempotency;
        if (key.generate && key.field && !args.idempotencyKey && input[key.field] === undefined) {
          io.err(`dry run: ${key.field} was generated for this run only; pass --idempotency-key to send the same one`);
        }
        return EXIT_CODES.ok;
      }

      if (args.intentId !== undefined && !source.given && !source.spec) {
        io.err(`note: --intent without --store: the intent is remembered by this command only (set --store or ${STORE_ENV} to share it with other runs)`);
      }
      const result = await withStore(source, async (store) => {
        const shown = progress(io, `${provider.id}.${operation}`, args.verbose, secrets);
        try {
          const options = { ...target.options, ...shown.options, ...(store ? { store } : {}) };
          const client = provider.createClient({ ...options, plugins: [learnSecretsPlugin(secrets)] }) as unknown as Record<string, Operation>;
          return await client[operation]!(input, callOptions);
        } finally {
          shown.done();
        }
      });
      // What the server sent back may echo a credential (FinerWorks `status.debug`…): scrubbed before it is formatted.
      io.out(args.json ? toJson(result, secrets) : renderResult(secrets.scrubValue(result)));
      return EXIT_CODES.ok;
    });
  } catch (error) {
    return reportFailure(error, context, io);
  } finally {
    unsubscribe();
  }
}

/** A dry run needs no real credentials: a placeholder stands in for each missing one (redacted anyway). */
function withPlaceholders(provider: CliProvider, options: Record<string, unknown>, io: Io): Record<string, unknown> {
  const out = { ...options };
  for (const [name, { env }] of Object.entries(provider.spec.credentials)) {
    if (out[name] === undefined && !process.env[env]) {
      out[name] = `placeholder-${name}`;
      io.err(`dry run: ${env} is not set; a placeholder stands in for ${name}`);
    }
  }
  return out;
}
