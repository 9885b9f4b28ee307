// The packages of the repo, found from packages/*/package.json (never a hand-kept list), as the release
// tools see them. A provider is a package that declares itself so (`creditkit.provider` in its package.json,
// see tools/workspace/providers.ts); an XML provider is one that depends on @creditkit/xml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface WorkspacePackage {
  /** Folder under packages/. */
  dir: string;
  /** Absolute path of the folder. */
  path: string;
  name: string;
  version: string;
  private: boolean;
  /** Declares `creditkit.provider` in its package.json. */
  provider: boolean;
  /** Speaks XML (depends on @creditkit/xml). */
  xml: boolean;
  json: PackageJson;
}

export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports?: Record<string, unknown>;
  bin?: Record<string, string> | string;
  [field: string]: unknown;
}

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export function readJson<T = PackageJson>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function workspacePackages(root = repoRoot): WorkspacePackage[] {
  const base = join(root, 'packages');
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'package.json')))
    .map((d) => d.name)
    .sort()
    .map((dir) => {
      const path = join(base, dir);
      const json = readJson(join(path, 'package.json'));
      return {
        dir,
        path,
        name: json.name,
        version: json.version,
        private: json.private === true,
        provider: typeof (json.creditkit as { provider?: unknown } | undefined)?.provider === 'string',
        xml: Boolean(json.dependencies?.['@creditkit/xml']),
        json,
      };
    });
}

/** The packages that go to the registry. */
export const publishable = (root = repoRoot) => workspacePackages(root).filter((p) => !p.private);
