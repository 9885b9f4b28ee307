// The providers as the reliability tests and the soak drive them: each provider's cases come from
// cases/<provider id>.ts, for every provider in the one provider list (the packages' package.json).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientOptions } from '@creditkit/core';
import type { MockServer } from '@creditkit/mock';
import { providerPackages } from '../workspace/providers.js';
import type { Operation, ProviderCase, ProviderCases } from './provider-case.js';

export type { Operation, ProviderCase } from './provider-case.js';

const PROVIDERS: readonly ProviderCases[] = await Promise.all(
  providerPackages().map(async (p): Promise<ProviderCases> => {
    const file = join(import.meta.dirname, 'cases', `${p.provider}.ts`);
    if (!existsSync(file)) throw new Error(`${p.dir} declares provider '${p.provider}': write tools/reliability/cases/${p.provider}.ts`);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ProviderCases;
  }),
);

export const CASES: readonly ProviderCase[] = PROVIDERS.flatMap((p) => p.cases);

/** A client of `c` against the simulators, with their credentials. */
export function clientFor(c: ProviderCase, mock: MockServer, options: ClientOptions & Record<string, unknown> = {}): Operation {
  const client = c.createClient({ ...mock.credentials[c.id], baseUrl: mock.url(c.id), ...c.options, ...options });
  return client[c.operation]!;
}

/** Lifts the simulators' rate budgets (reset() restores them), so a burst of calls waits on faults only. */
export function liftRateLimits(mock: MockServer): void {
  for (const p of PROVIDERS) p.liftRateLimits?.(mock);
}
