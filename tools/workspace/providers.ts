// The provider packages, as each declares itself in its package.json (`creditkit` field): the one place the
// provider list comes from. Packages are found through the root package.json's workspaces, never listed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a provider package's package.json says under `creditkit`. */
export interface ProviderMetadata {
  /** The provider id (its spec's id, the CLI's first argument). */
  provider: string;
  /** The folder under packages/mock/src/simulators/ that simulates it. */
  simulator: string;
  /** Client option name -> the environment variable it defaults to. */
  credentials: Record<string, string>;
}

export interface ProviderPackage extends ProviderMetadata {
  /** Folder of the package, relative to the repo root (`packages/fusebill`). */
  dir: string;
  /** Absolute path of that folder. */
  path: string;
  /** npm name (`@creditkit/fusebill`). */
  name: string;
  json: Record<string, any>;
}

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** Every workspace folder with a package.json (the `packages/*` style globs of the root package.json). */
export function workspaceDirs(root = repoRoot): string[] {
  const globs: string[] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces ?? [];
  return globs
    .flatMap((glob) => {
      if (!glob.endsWith('/*')) return [glob];
      const base = glob.slice(0, -2);
      return readdirSync(join(root, base), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `${base}/${d.name}`);
    })
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .sort();
}

/** The packages that declare `creditkit.provider`, by provider id. */
export function providerPackages(root = repoRoot): ProviderPackage[] {
  return workspaceDirs(root)
    .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Record<string, any> }))
    .filter(({ json }) => json.creditkit?.provider !== undefined)
    .map(({ dir, json }) => ({ ...checked(dir, json.creditkit), dir, path: join(root, dir), name: json.name, json }))
    .sort((a, b) => a.provider.localeCompare(b.provider));
}

function checked(dir: string, meta: Record<string, unknown>): ProviderMetadata {
  const { provider, simulator, credentials } = meta;
  const ok =
    typeof provider === 'string' && /^[a-z][a-z0-9]*$/.test(provider) &&
    typeof simulator === 'string' && /^[a-z][a-z0-9-]*$/.test(simulator) &&
    typeof credentials === 'object' && credentials !== null &&
    Object.entries(credentials).every(([option, env]) => /^[a-zA-Z]\w*$/.test(option) && typeof env === 'string' && /^[A-Z][A-Z0-9_]*$/.test(env));
  if (!ok) throw new Error(`${dir}/package.json: "creditkit" must be { provider: "<id>", simulator: "<folder>", credentials: { <option>: "<ENV_VAR>" } }`);
  return { provider, simulator, credentials } as ProviderMetadata;
}
