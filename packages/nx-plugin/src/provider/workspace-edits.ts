// The two existing files a new provider changes, edited here so nobody edits them by hand: the CLI depends on
// every provider package (it ships their walkthroughs), and the lockfile records the new workspace package
// exactly as `npm install` would (so `npm ci` stays in sync, offline, without an install).
import { type Tree, updateJson } from '@nx/devkit';

type Json = Record<string, any>;

export function addToCli(tree: Tree, name: string, version: string): void {
  updateJson(tree, 'packages/cli/package.json', (cli: Json) => ({ ...cli, dependencies: sortedKeys({ ...cli.dependencies, [name]: `^${version}` }) }));
}

export function addToLockfile(tree: Tree, dir: string, pkg: Json): void {
  if (!tree.exists('package-lock.json')) return;
  updateJson(tree, 'package-lock.json', (lock: Json) => {
    const entry: Json = { name: pkg.name, version: pkg.version, license: pkg.license };
    for (const key of ['dependencies', 'devDependencies', 'engines']) if (pkg[key]) entry[key] = pkg[key];
    const cli = lock.packages['packages/cli'];
    if (cli) cli.dependencies = sortedKeys({ ...cli.dependencies, [pkg.name]: `^${pkg.version}` });
    const { '': root, ...rest } = lock.packages as Json;
    lock.packages = { '': root, ...sortedKeys({ ...rest, [dir]: entry, [`node_modules/${pkg.name}`]: { resolved: dir, link: true } }) };
    return lock;
  });
}

// npm's own order (localeCompare, 'en'), so a later `npm install` leaves the lockfile as it is.
const sortedKeys = (obj: Json): Json => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b, 'en')));
