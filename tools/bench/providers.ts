// The provider packages, from the one provider list (each package's package.json, `creditkit`), with the
// client factory each exports: a new provider is measured without an edit here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { providerPackages as declaredProviders } from '../workspace/providers.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ProviderPackage {
  /** The provider id (also its folder under packages/). */
  id: string;
  name: string;
  /** `create…Client`. */
  factory: string;
  wire: 'JSON' | 'XML';
  /** The built ESM entry. */
  distEntry: string;
}

export function providerPackages(): ProviderPackage[] {
  return declaredProviders(ROOT).map((p) => {
    const source = readFileSync(join(p.path, 'src', 'index.ts'), 'utf8');
    const factory = /export const (create\w+Client)\b/.exec(source)?.[1];
    if (!factory) throw new Error(`${p.dir}/src/index.ts exports no create…Client`);
    return { id: p.provider, name: p.name, factory, wire: p.json.dependencies?.['@creditkit/xml'] ? 'XML' : 'JSON', distEntry: join(p.path, p.json.exports['.'].import.default) };
  });
}

/** Built packages the bench needs that are missing, or older than a source file (measuring old code). */
export function checkBuilt(dirs: readonly string[]): { missing: string[]; stale: string[] } {
  const missing: string[] = [];
  const stale: string[] = [];
  for (const dir of dirs) {
    const dist = join(ROOT, 'packages', dir, 'dist', 'index.js');
    if (!existsSync(dist)) missing.push(dir);
    else if (newestMtime(join(ROOT, 'packages', dir, 'src')) > statSync(dist).mtimeMs) stale.push(dir);
  }
  return { missing, stale };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // Generated files are left out: Nx rewrites them unchanged when it restores a cached \`generate\`, and their
    // freshness against the specs is \`npm run generate -- --check\`'s job.
    if (!entry.isFile() || /\.test(-d)?\.ts$/.test(entry.name) || /generated/.test(entry.parentPath)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
