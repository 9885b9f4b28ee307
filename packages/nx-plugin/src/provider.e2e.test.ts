// The generator end to end, on a throwaway copy of the workspace (node_modules linked, nothing installed): the
// sample spec (fixtures/acme.yaml) goes in as specs/acme.yaml, then what specs/README.md tells a contributor to
// run: the generator, `npm run generate`, the new package's build and typecheck (Nx, with the packages it
// depends on), the whole workspace's type check and the scaffolds' lint, the wire tests against the simulator
// stub, the walkthrough scenario, and the README's example. Nothing is written to this checkout.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace } from './workspace-copy.js';

const repo = resolve(import.meta.dirname, '..', '..', '..');
let work: string;

// The outer vitest's variables would make the inner one think it runs inside a test.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_ENV$|FORCE_COLOR$)/.test(k)));
Object.assign(env, { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NO_COLOR: '1', CI: 'true' });
const timings: string[] = [];
const run = (command: string, args: string[]) => {
  const started = performance.now();
  const out = execFileSync(command, args, { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  timings.push(`${[command, ...args].join(' ').slice(0, 60)}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes some tools print anyway
  return out.replace(/\u001b\[[0-9;]*m/g, '');
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'creditkit-nxgen-'));
  copyWorkspace(repo, work);
  copyFileSync(join(work, 'packages/nx-plugin/fixtures/acme.yaml'), join(work, 'specs/acme.yaml'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  console.log(`provider generator e2e:\n  ${timings.join('\n  ')}`);
});

describe('nx g @creditkit/nx-plugin:provider on a copy of the workspace', { timeout: 240_000 }, () => {
  it('scaffolds acme, which generates, builds, typechecks and passes its tests', () => {
    const generated = run('npx', ['nx', 'g', '@creditkit/nx-plugin:provider', 'acme', '--spec', 'specs/acme.yaml', '--no-interactive']);
    expect(generated).toContain('CREATE packages/acme/package.json');
    expect(generated).toContain('UPDATE packages/cli/package.json');

    run('npm', ['run', 'generate']);
    // The provider list now holds acme: the mock registers its simulator, the CLI its scenario.
    expect(readFileSync(join(work, 'packages/mock/src/generated/simulators.ts'), 'utf8')).toContain('  acme: createAcmeSimulator,\n');
    expect(readFileSync(join(work, 'packages/cli/src/generated/providers.ts'), 'utf8')).toMatch(/export const scenarios = \[[^\]]*\bacme\b/);

    const built = run('npx', ['nx', 'run-many', '-t', 'build', 'typecheck', '-p', '@creditkit/acme', '--outputStyle=static']);
    expect(built).toContain('Successfully ran targets build, typecheck for project @creditkit/acme');

    // Every source of the workspace compiles with acme in it (the part of `npm run typecheck` that needs no
    // other build): nothing typed per provider wants a hand edit. The scaffolds are lint-clean, and generated
    // code is current.
    run('npx', ['tsc', '-p', 'tsconfig.test.json', '--noEmit']);
    run('npx', ['biome', 'lint', 'packages/acme', 'packages/mock/src/simulators/acme', 'packages/cli/src/walkthrough/scenarios/acme.ts', 'tools/reliability/cases/acme.ts']);
    run('npm', ['run', 'generate', '--', '--check']);

    // The walkthrough scenario runs as it claims, step by step, against the stub.
    writeFileSync(
      join(work, 'packages/cli/src/walkthrough/acme-scenario.test.ts'),
      `import { startMockServer } from '@creditkit/mock';
import { expect, it } from 'vitest';
import { runScenario } from './run-scenario.js';
import { acme } from './scenarios/acme.js';

it('runs', async () => {
  const mock = await startMockServer({ providers: ['acme'] });
  try {
    const steps = await runScenario(acme, mock, () => {});
    expect(steps.map((s) => [s.step, s.ok, s.outcome])).toEqual(steps.map((s) => [s.step, true, s.outcome]));
    expect(steps.map((s) => s.step)).toEqual(['success', 'validation', 'auth', 'rate limit']);
  } finally {
    await mock.close();
  }
});
`,
    );
    const tested = run('npx', ['vitest', 'run', 'packages/acme/', 'packages/cli/src/walkthrough/acme-scenario.test.ts']);
    expect(tested).toMatch(/Test Files\s+2 passed \(2\)/);
    expect(tested).toMatch(/Tests\s+6 passed \(6\)/);

    // The README's simulator example runs as written, against the built packages.
    const readme = readFileSync(join(work, 'packages/acme/README.md'), 'utf8');
    const example = /## Try it against the simulator[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    writeFileSync(join(work, 'packages/acme/readme-example.mjs'), example ?? '');
    expect(run('node', ['packages/acme/readme-example.mjs'])).toContain("purchaseId: 'pur-1'");
  });
});
