// The one provider list: every package that declares `creditkit.provider` is known to the CLI, the mock, the
// tools and the release tools, and nothing else is; the declared credentials are the generated clients' own.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_CREDENTIALS, simulatorFactories } from '@creditkit/mock';
import { runInProcess } from '@creditkit/test-support/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { providerPackages as benchProviders } from '../bench/providers.js';
import { generateLists } from '../codegen/generate-lists.js';
import { CASES } from '../reliability/providers.js';
import { workspacePackages } from '../release/workspace.js';
import { providerPackages, repoRoot } from './providers.js';

const declared = providerPackages();
const ids = declared.map((p) => p.provider);
const sorted = (list: Iterable<string>) => [...new Set(list)].sort();

describe('the provider list (package.json `creditkit`)', () => {
  // The five first providers, and any the generator added since (nx g @creditkit/nx-plugin:provider): no edit here.
  it('holds the providers, each package once', () => {
    expect(ids).toEqual(expect.arrayContaining(['accountadmin', 'finerworks', 'fusebill', 'safecreative', 'softwaredna']));
    expect(ids).toEqual(sorted(ids));
    expect(declared.map((p) => p.name)).toEqual(ids.map((id) => `@creditkit/${id}`));
  });

  it('is every package generated from a spec, and only those', () => {
    const specs = readdirSync(join(repoRoot, 'specs')).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('redocly') && !f.startsWith('.'));
    expect(sorted(specs.map((f) => f.replace(/\.ya?ml$/, '')))).toEqual(sorted(declared.map((p) => p.dir.replace(/^packages\//, ''))));
  });

  it.each(declared)('$provider: id and credential variables are the generated client’s own', async (p) => {
    const { provider } = (await import(/* @vite-ignore */ p.name)) as { provider: { spec: { id: string; credentials: Record<string, { env: string }> } } };
    expect(provider.spec.id).toBe(p.provider);
    expect(Object.fromEntries(Object.entries(provider.spec.credentials).map(([option, c]) => [option, c.env]))).toEqual(p.credentials);
  });

  it('the mock hosts a simulator for each, with credentials under the same option names, and no other', () => {
    expect(sorted(Object.keys(simulatorFactories))).toEqual(ids);
    expect(sorted(Object.keys(MOCK_CREDENTIALS))).toEqual(ids);
    for (const p of declared) expect(sorted(Object.keys(MOCK_CREDENTIALS[p.provider as keyof typeof MOCK_CREDENTIALS])), p.provider).toEqual(sorted(Object.keys(p.credentials)));
  });

  it('the CLI lists each, and no other, and depends on each package', async () => {
    const { code, stdout } = await runInProcess(['providers', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((l) => l.id)).toEqual(ids);
    const cli = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8'));
    for (const p of declared) expect(cli.dependencies, p.name).toHaveProperty([p.name]);
  });

  it('the generated lists of the mock and the CLI are current (`npm run generate`)', () => {
    for (const [file, content] of Object.entries(generateLists())) expect(readFileSync(join(repoRoot, file), 'utf8'), file).toBe(content);
  });

  it('the reliability cases, the bench and the release tools see the same providers', () => {
    expect(sorted(CASES.map((c) => c.id))).toEqual(ids);
    expect(benchProviders().map((p) => p.id)).toEqual(ids);
    expect(workspacePackages().filter((p) => p.provider).map((p) => p.dir)).toEqual(ids);
  });
});

describe('the reader', () => {
  const work = join(repoRoot, '.tmp', `workspace-${process.pid}`);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const pkg = (dir: string, json: object) => {
    mkdirSync(join(work, dir), { recursive: true });
    writeFileSync(join(work, dir, 'package.json'), JSON.stringify(json));
  };

  it('finds packages through the root workspaces, and names the package whose `creditkit` field is malformed', () => {
    pkg('.', { workspaces: ['libs/*'] });
    pkg('libs/a', { name: 'a', creditkit: { provider: 'a', simulator: 'a', credentials: { apiKey: 'A_API_KEY' } } });
    pkg('libs/plain', { name: 'plain' });
    expect(providerPackages(work).map((p) => [p.dir, p.provider, p.credentials])).toEqual([['libs/a', 'a', { apiKey: 'A_API_KEY' }]]);
    pkg('libs/b', { name: 'b', creditkit: { provider: 'b', credentials: { apiKey: 'lower-case' } } });
    expect(() => providerPackages(work)).toThrow('libs/b/package.json: "creditkit" must be');
  });
});
