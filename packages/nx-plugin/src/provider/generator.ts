// `nx g @creditkit/nx-plugin:provider <id> --spec specs/<id>.yaml`: everything a new provider needs beyond its
// spec and the truly vendor-specific code. The lists that enumerate providers (the mock's simulators, the CLI,
// reliability cases, size budgets, API reports, release checks) come from the new package's `creditkit`
// metadata, through `npm run generate` and the tools that read tools/workspace/providers.ts.
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { type GeneratorCallback, logger, type Tree } from '@nx/devkit';
import { changesetFile } from './files/changeset.js';
import { mockFiles } from './files/mock.js';
import { packageFiles } from './files/package.js';
import { reliabilityCaseFile, scenarioFile } from './files/scenario.js';
import { wireTestFile } from './files/wire-test.js';
import { planProvider } from './plan.js';
import { addToCli, addToLockfile } from './workspace-edits.js';

export interface ProviderGeneratorOptions {
  /** The provider id (the spec's `x-creditkit-provider.id`). */
  id: string;
  /** The spec, relative to the workspace root. */
  spec: string;
}

export async function providerGenerator(tree: Tree, options: ProviderGeneratorOptions): Promise<GeneratorCallback> {
  const { id } = options;
  if (!/^[a-z][a-z0-9]*$/.test(id)) throw new Error(`provider id '${id}': lower-case letters and digits, starting with a letter`);
  const text = tree.read(options.spec, 'utf8');
  if (text === null) throw new Error(`no spec at ${options.spec}`);
  const plan = planProvider(options.spec, text);
  if (plan.id !== id) throw new Error(`${options.spec} says x-creditkit-provider.id: ${plan.id}, not ${id}`);
  const dir = `packages/${id}`;
  if (tree.exists(`${dir}/package.json`)) throw new Error(`${dir} exists already: the generator scaffolds new providers only`);

  const specPath = `specs/${id}.yaml`;
  if (options.spec !== specPath) tree.write(specPath, text);
  const license = tree.read('LICENSE', 'utf8') ?? '';
  const files: Record<string, string> = {
    ...prefixed(dir, packageFiles(plan, license)),
    [`${dir}/src/${id}.test.ts`]: wireTestFile(plan),
    ...prefixed(`packages/mock/src/simulators/${id}`, mockFiles(plan)),
    [`packages/cli/src/walkthrough/scenarios/${id}.ts`]: scenarioFile(plan),
    [`tools/reliability/cases/${id}.ts`]: reliabilityCaseFile(plan),
    [`.changeset/provider-${id}.md`]: changesetFile(plan),
  };
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  const version = JSON.parse(files[`${dir}/package.json`]!).version as string;
  addToCli(tree, `@creditkit/${id}`, version);
  addToLockfile(tree, dir, JSON.parse(files[`${dir}/package.json`]!));

  return () => {
    // What `npm install` would link for the new workspace package; the lockfile was updated above.
    const scope = join(tree.root, 'node_modules', '@creditkit');
    if (existsSync(scope) && !existsSync(join(scope, id))) symlinkSync(join('..', '..', dir), join(scope, id));
    logger.info(
      [
        `Scaffolded ${plan.name} from ${specPath}. Next (specs/README.md, "From a vendor page to a release"):`,
        '  npm run generate            # src/generated/, the mock and CLI lists',
        `  npx vitest run ${dir}/      # the wire tests against the simulator stub`,
        `  fill in ${dir}/src/index.ts and packages/mock/src/simulators/${id}/ with what the vendor does`,
        '  npm run api:update          # after npm run build: the API report of the new package',
      ].join('\n'),
    );
  };
}

const prefixed = (dir: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([name, content]) => [`${dir}/${name}`, content]));

export default providerGenerator;
