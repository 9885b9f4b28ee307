// `npm run size` (size-limit): what each package costs a user's bundle, gzipped, dependencies included
// (@creditkit/core, openapi-fetch, fast-xml-parser…), measured from its built ESM entry the way a user
// imports it. Packages are found from packages/*/package.json, so a new one is measured without an edit:
// a provider imports its `create…Client` and gets its kind's budget (JSON or XML) unless it has its own.
// Bundled for Node (engines >= 20.19): node: built-ins stay external. Run `npm run build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Budgets, from measurement (see the README's "Size" section) with modest headroom. The hostile-peer work
 * (every secret form, response validation, exact numbers, unrepresentable answers, fresh sockets, credential
 * checks) added 3.4–5.3 kB; durable intents and shared state (issue 15: intents, memoryStore, server waits,
 * quotas, the shared token) added 5.2 kB to every client (createClient 16.0 -> 21.2 kB), rate-limiter-flexible
 * not counted (loaded only with quotas). The telemetry seam (issue 16: the Instrumenter hooks, traced events,
 * CREDITKIT_LOG) added 1.07 kB to every client; `@creditkit/core/otel` is an entry of its own, never in a client.
 * A second operation per provider (issue 17: software_DNA consumeCredits, FinerWorks createCreditTransaction:
 * operation table, validators) added 0.7 kB to each of those two clients (finerworks 25.56 -> 26.25, softwaredna
 * 26.01 -> 26.71 kB) and 3.2 kB to the CLI, which bundles every provider, simulator and walkthrough scenario
 * (91.46 -> 94.69 kB).
 */
const BUDGET = {
  jsonProvider: '27.5 kB',
  xmlProvider: '52 kB',
  '@creditkit/core': '3.5 kB',
  '@creditkit/xml': '28.5 kB',
  '@creditkit/mock': '37 kB',
  '@creditkit/cli': '96 kB',
  // Measured 7.39 kB (the store, its scripts, and the part of core it imports: errors, Secrets); no Redis client.
  '@creditkit/redis': '8 kB',
};

const root = import.meta.dirname;
const checks = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const manifest = join(root, 'packages', dir, 'package.json');
  if (!existsSync(manifest)) continue;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  if (pkg.private) continue;
  const entry = pkg.exports?.['.']?.import?.default ?? pkg.module;
  if (!entry) continue;
  const path = join('packages', dir, entry);
  const built = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '';
  // The user's first import: the client factory of a provider, else the whole entry.
  const exported = [...built.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+as\s+/).pop()));
  const factory = exported.find((name) => /^create\w*Client$/.test(name) && name !== 'createClient');
  // A provider declares itself in its package.json (`creditkit.provider`, see tools/workspace/providers.ts).
  const provider = typeof pkg.creditkit?.provider === 'string';
  const kind = pkg.dependencies?.['@creditkit/xml'] ? 'xmlProvider' : 'jsonProvider';
  const limit = BUDGET[pkg.name] ?? (provider ? BUDGET[kind] : undefined);
  checks.push({
    name: `${pkg.name}${factory ? ` — import { ${factory} }` : dir === 'core' ? ' — import { createRegistry }' : ' — import *'}`,
    path,
    import: factory ? `{ ${factory} }` : dir === 'core' ? '{ createRegistry }' : '*',
    gzip: true,
    ...(limit ? { limit } : {}),
    // rate-limiter-flexible is loaded by a dynamic import only when proactive quotas are on (a store was given):
    // a bundler that splits code leaves it out of the first chunk, so it is not counted here.
    ignore: ['rate-limiter-flexible'],
    // core/dist/node.js imports a chunk of pure class definitions for nothing; dropping it is right.
    modifyEsbuildConfig: (config) => ({ ...config, platform: 'node', format: 'esm', logOverride: { 'ignored-bare-import': 'silent' } }),
  });
}

export default checks;
