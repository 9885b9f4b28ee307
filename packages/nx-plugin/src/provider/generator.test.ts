// The generator on Nx's in-memory Tree: what it writes for the sample spec (the files of a provider, the
// metadata that puts it on the provider list, the CLI dependency and the lockfile entries), and what it refuses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { providerGenerator } from './generator.js';

const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'acme.yaml'), 'utf8');
const json = (tree: Tree, file: string) => JSON.parse(tree.read(file, 'utf8')!);

let tree: Tree;
beforeEach(() => {
  tree = createTreeWithEmptyWorkspace();
  tree.write('LICENSE', 'MIT License\n');
  tree.write('fixtures/acme.yaml', fixture);
  tree.write('packages/cli/package.json', JSON.stringify({ name: '@creditkit/cli', dependencies: { '@creditkit/core': '^0.1.0', '@creditkit/mock': '^0.1.0' } }));
  tree.write(
    'package-lock.json',
    JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'root' }, 'node_modules/@creditkit/core': { resolved: 'packages/core', link: true }, 'packages/cli': { name: '@creditkit/cli', dependencies: { '@creditkit/core': '^0.1.0' } } } }),
  );
});

describe('the provider generator', () => {
  it('scaffolds the package, the simulator stub, the scenario, the reliability case, the wire tests and a changeset', async () => {
    await providerGenerator(tree, { id: 'acme', spec: 'fixtures/acme.yaml' });
    for (const file of [
      'specs/acme.yaml',
      'packages/acme/tsconfig.json',
      'packages/acme/tsup.config.ts',
      'packages/acme/src/index.ts',
      'packages/acme/src/acme.test.ts',
      'packages/acme/README.md',
      'packages/acme/LICENSE',
      'packages/mock/src/simulators/acme/simulator.ts',
      'packages/mock/src/simulators/acme/credentials.ts',
      'packages/mock/src/simulators/acme/operations.ts',
      'packages/cli/src/walkthrough/scenarios/acme.ts',
      'tools/reliability/cases/acme.ts',
      '.changeset/provider-acme.md',
    ])
      expect(tree.exists(file), file).toBe(true);
    expect(tree.read('specs/acme.yaml', 'utf8')).toBe(fixture);
    expect(tree.read('packages/acme/src/index.ts', 'utf8')).toContain('export const createAcmeClient = provider.createClient;');
    expect(tree.read('packages/mock/src/simulators/acme/simulator.ts', 'utf8')).toMatch(/^export function createAcmeSimulator\(/m);
    expect(tree.read('packages/cli/src/walkthrough/scenarios/acme.ts', 'utf8')).toMatch(/^export const acme = defineScenario\(/m);
    expect(tree.read('.changeset/provider-acme.md', 'utf8')).toMatch(/^---\n'@creditkit\/cli': minor\n'@creditkit\/mock': minor\n---\n/);
  });

  it('declares the provider in its package.json, with the spec’s credentials and the same Nx targets as the others', async () => {
    await providerGenerator(tree, { id: 'acme', spec: 'fixtures/acme.yaml' });
    const pkg = json(tree, 'packages/acme/package.json');
    expect(pkg).toMatchObject({ name: '@creditkit/acme', version: '0.1.0', dependencies: { '@creditkit/core': '^0.1.0' } });
    expect(pkg.creditkit).toEqual({ provider: 'acme', simulator: 'acme', credentials: { apiKey: 'ACME_API_KEY' } });
    expect(Object.keys(pkg.scripts)).toEqual(['generate', 'build', 'typecheck', 'lint', 'test']);
    expect(pkg.nx.targets.generate.inputs).toEqual(['{workspaceRoot}/specs/acme.yaml', 'codegen']);
  });

  it('adds the package to the CLI’s dependencies and to the lockfile as npm would, in npm’s order', async () => {
    await providerGenerator(tree, { id: 'acme', spec: 'fixtures/acme.yaml' });
    expect(json(tree, 'packages/cli/package.json').dependencies).toEqual({ '@creditkit/acme': '^0.1.0', '@creditkit/core': '^0.1.0', '@creditkit/mock': '^0.1.0' });
    const lock = json(tree, 'package-lock.json');
    expect(Object.keys(lock.packages)).toEqual(['', 'node_modules/@creditkit/acme', 'node_modules/@creditkit/core', 'packages/acme', 'packages/cli']);
    expect(lock.packages['node_modules/@creditkit/acme']).toEqual({ resolved: 'packages/acme', link: true });
    expect(lock.packages['packages/acme']).toEqual({
      name: '@creditkit/acme',
      version: '0.1.0',
      license: 'MIT',
      dependencies: { '@creditkit/core': '^0.1.0' },
      devDependencies: { '@creditkit/test-support': '*' },
      engines: { node: '^20.19.0 || ^22.0.0 || ^24.0.0' },
    });
    expect(Object.keys(lock.packages['packages/cli'].dependencies)).toEqual(['@creditkit/acme', '@creditkit/core']);
  });

  it('writes the stub’s operation from the spec: route, credential header, body schema, example answer', async () => {
    await providerGenerator(tree, { id: 'acme', spec: 'fixtures/acme.yaml' });
    const source = tree.read('packages/mock/src/simulators/acme/operations.ts', 'utf8')!;
    expect(source).toContain("path: '/v1/accounts/{accountId}/credits'");
    expect(source).toContain("credentials: [{ in: 'header', name: 'X-Api-Key', option: 'apiKey' }]");
    expect(source).toContain("credits: { type: 'integer', minimum: 1, maximum: 10000 }");
    expect(source).toContain("example: { purchaseId: 'pur-1', credits: 500, balance: 1500 }");
  });

  it('refuses an id that is not the spec’s, and a provider that exists, writing nothing', async () => {
    await expect(providerGenerator(tree, { id: 'acmex', spec: 'fixtures/acme.yaml' })).rejects.toThrow("fixtures/acme.yaml says x-creditkit-provider.id: acme, not acmex");
    expect(tree.exists('packages/acmex/package.json')).toBe(false);
    tree.write('packages/acme/package.json', '{}');
    await expect(providerGenerator(tree, { id: 'acme', spec: 'fixtures/acme.yaml' })).rejects.toThrow('packages/acme exists already');
    await expect(providerGenerator(tree, { id: 'Acme', spec: 'fixtures/acme.yaml' })).rejects.toThrow("provider id 'Acme'");
    await expect(providerGenerator(tree, { id: 'acme', spec: 'specs/none.yaml' })).rejects.toThrow('no spec at specs/none.yaml');
    expect(tree.exists('specs/acme.yaml')).toBe(false);
  });
});
