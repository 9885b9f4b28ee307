// The user's side of the release test: a fresh project that installs one provider by name from the
// registry, then checks its dependency tree, its types under `strict`, and runs it as ESM and as CJS.
// What it runs is the README's simulator example of that package, so the README is proven too.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { indent, quiet, run } from './exec.js';
import type { WorkspacePackage } from './workspace.js';
import { repoRoot } from './workspace.js';

export interface ConsumerReport {
  name: string;
  version: string;
  kind: 'json' | 'xml';
  tree: string[];
  ran: boolean;
  note?: string;
}

/** The first ```ts block of a README that starts the simulators: the package's runnable example. */
export function simulatorExample(readme: string): string | undefined {
  for (const match of readme.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)) {
    if (match[1]!.includes('startMockServer')) return match[1]!;
  }
  return undefined;
}

/** Imports stay at the top; the rest runs inside `async function main()`, which works for ESM and CJS alike. */
export function wrapExample(example: string, trailer: string): string {
  const imports: string[] = [];
  const body: string[] = [];
  let inImport = false;
  for (const line of example.split('\n')) {
    if (inImport || /^import\s/.test(line)) {
      imports.push(line);
      inImport = !/(from\s+['"][^'"]+['"]|^import\s+['"][^'"]+['"]);?\s*$/.test(line);
    } else body.push(`  ${line}`);
  }
  return `${imports.join('\n')}\n\nasync function main(): Promise<void> {\n${body.join('\n')}\n${trailer}\n}\n\nmain().catch((error: unknown) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
}

/** Misspells the first field of the first method call's object literal (`fw.buyAccountCredits({ amount: ...` -> `amountTypo`). */
export function misspellField(example: string): { code: string; field: string } | undefined {
  for (const m of example.matchAll(/\b(\w+)\.(\w+)\(\{\s*(\w+)\s*:/g)) {
    if (m[1] === 'mock' || m[1] === 'console') continue;
    const at = m.index! + m[0].lastIndexOf(m[3]!);
    const field = `${m[3]}Typo`;
    return { code: example.slice(0, at) + field + example.slice(at + m[3]!.length), field };
  }
  return undefined;
}

/** Every package reachable from `dir` through `dependencies`, resolved as Node does (walking node_modules up). */
export function dependencyClosure(projectDir: string, name: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (fromDir: string, dep: string) => {
    const dir = resolvePackageDir(projectDir, fromDir, dep);
    if (!dir) throw new Error(`${dep} (needed from ${fromDir}) is not installed`);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
    const key = `${dep}@${pkg.version}`;
    if (found.has(key)) return;
    found.set(key, dir);
    for (const next of Object.keys(pkg.dependencies ?? {})) visit(dir, next);
  };
  visit(projectDir, name);
  return found;
}

function resolvePackageDir(stopAt: string, fromDir: string, dep: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', dep);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === stopAt || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    // The published declaration files are checked too, as a user's strict build would.
    skipLibCheck: false,
    outDir: 'out',
    rootDir: '.',
  },
  include: ['example.mts', 'example.cts', 'wrong.mts'],
};

export async function tryConsumer(
  pkg: WorkspacePackage,
  projectDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<ConsumerReport> {
  const kind = pkg.xml ? 'xml' : 'json';
  mkdirSync(projectDir, { recursive: true });
  writeFileSync(join(projectDir, 'package.json'), `${JSON.stringify({ name: `consumer-of-${pkg.dir}`, version: '0.0.0', private: true }, null, 2)}\n`);

  // 1. Install the provider by name (plus the simulators and Node's types for the example).
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn', pkg.name, '@creditkit/mock', '@types/node@20'], { cwd: projectDir, env });
  const warnings = quiet(install.stderr).trim();
  log(`npm install ${pkg.name} @creditkit/mock @types/node@20  (${(install.ms / 1000).toFixed(1)} s)${warnings ? `\n${indent(warnings)}` : ''}`);
  const installed = JSON.parse(readFileSync(join(projectDir, 'node_modules', pkg.name, 'package.json'), 'utf8')) as { version: string };
  if (installed.version !== pkg.version) throw new Error(`${pkg.name}: installed ${installed.version}, published ${pkg.version}`);

  // 2. Its dependency tree: a JSON provider brings neither fast-xml-parser nor another provider; an XML one brings @creditkit/xml.
  const ls = await run('npm', ['ls', '--all'], { cwd: projectDir, env, allowFail: true });
  log(`npm ls --all\n${indent(quiet(ls.stdout))}`);
  const closure = [...dependencyClosure(projectDir, pkg.name).keys()];
  const names = closure.map((k) => k.slice(0, k.lastIndexOf('@')));
  const ours = names.filter((n) => n.startsWith('@creditkit/') && n !== pkg.name);
  const problems: string[] = [];
  if (kind === 'json') {
    if (names.includes('fast-xml-parser')) problems.push('a JSON provider pulls in fast-xml-parser');
    const others = ours.filter((n) => n !== '@creditkit/core');
    if (others.length) problems.push(`a JSON provider pulls in ${others.join(', ')}`);
  } else {
    if (!names.includes('@creditkit/xml')) problems.push('an XML provider does not pull in @creditkit/xml');
    const others = ours.filter((n) => n !== '@creditkit/core' && n !== '@creditkit/xml');
    if (others.length) problems.push(`an XML provider pulls in ${others.join(', ')}`);
  }
  log(`${pkg.name} brings (${kind}): ${closure.join(', ')}${problems.length ? '' : '  -> ok'}`);
  if (problems.length) throw new Error(`${pkg.name}: ${problems.join('; ')}`);

  // 3. Types under strict, and a misspelled field must not compile.
  const readme = readFileSync(join(projectDir, 'node_modules', pkg.name, 'README.md'), 'utf8');
  const example = simulatorExample(readme);
  if (!example) {
    log(`SKIP types and runs: the README of ${pkg.name} has no \`\`\`ts example that starts the simulators`);
    return { name: pkg.name, version: pkg.version, kind, tree: closure, ran: false, note: 'no README simulator example' };
  }
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const typo = misspellField(example);
  if (!typo) throw new Error(`${pkg.name}: found no method call with an object literal in the README example to misspell`);
  writeFileSync(join(projectDir, 'example.mts'), wrapExample(example, `  console.log('[esm] ${pkg.name} loaded from', import.meta.resolve('${pkg.name}'));`));
  writeFileSync(join(projectDir, 'example.cts'), wrapExample(example, `  console.log('[cjs] ${pkg.name} loaded from', require.resolve('${pkg.name}'));`));
  writeFileSync(join(projectDir, 'wrong.mts'), wrapExample(typo.code, ''));
  writeFileSync(join(projectDir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  // One tsc run: the example must compile clean (it is emitted to out/), the misspelled copy must not.
  const compiled = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: projectDir, env, allowFail: true });
  const errors = compiled.stdout.split('\n').filter((l) => l.includes('error TS'));
  const elsewhere = errors.filter((l) => !l.startsWith('wrong.mts'));
  if (elsewhere.length) throw new Error(`${pkg.name}: the README example does not compile under strict:\n${compiled.stdout}${compiled.stderr}`);
  log('tsc --strict (NodeNext, skipLibCheck false): example.mts and example.cts compile clean');
  if (!errors.some((l) => l.includes(typo.field))) throw new Error(`${pkg.name}: a misspelled field (${typo.field}) was not reported by tsc:\n${compiled.stdout}`);
  log(`the same call with a misspelled field '${typo.field}' (wrong.mts) is rejected:\n${indent(errors.join('\n'))}`);

  // 4. Run it, as ESM and as CJS, against the simulators from the same registry.
  for (const file of ['out/example.mjs', 'out/example.cjs']) {
    const out = await run(process.execPath, [file], { cwd: projectDir, env, allowFail: true });
    if (out.code !== 0) throw new Error(`${pkg.name}: node ${file} failed:\n${out.stdout}${out.stderr}`);
    log(`node ${file}\n${indent(out.stdout)}`);
  }
  return { name: pkg.name, version: pkg.version, kind, tree: closure, ran: true };
}
