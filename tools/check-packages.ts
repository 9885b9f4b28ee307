// `npm run check:packages`: every publishable package under packages/ passes publint and
// "Are the types wrong?" (attw --pack), and its tarball holds only what it should (see below).
// Packages are found, not listed, so a new provider is covered.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const failures: string[] = [];

for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const cwd = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    // Node >= 20 only (engines), so the node10 resolution mode does not apply.
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ] as const) {
    try {
      execFileSync(bin(tool), [...args], { cwd, stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
      console.log(`ok   ${tool.padEnd(7)} ${pkg.name}`);
    } catch (error) {
      const out = error as { stdout?: Buffer; stderr?: Buffer };
      failures.push(`${tool} ${pkg.name}`);
      console.log(`FAIL ${tool.padEnd(7)} ${pkg.name}\n${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`);
    }
  }
}
// What each tarball holds (`npm pack --dry-run`): only dist/, the files its `bin` names, README.md, LICENSE (the root one) and
// CHANGELOG.md (written by `changeset version`, so absent before a package's first release), plus the
// metadata a published package needs. A new package is covered as soon as it exists.
const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--workspaces', '--loglevel=error'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
) as { name: string; files: { path: string }[] }[];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const cwd = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const files = packed.find((e) => e.name === pkg.name)?.files.map((f) => f.path) ?? [];
  // A bin may point at a committed entry file outside dist/ (so npm links it at install, before a build).
  const bins = new Set(Object.values<string>(typeof pkg.bin === 'string' ? { bin: pkg.bin } : (pkg.bin ?? {})).map((b) => b.replace(/^\.\//, '')));
  const problems = [
    ...files.filter((f) => !/^(dist\/.+|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f) && !bins.has(f)).map((f) => `ships ${f}`),
    ...[...bins].filter((b) => !files.includes(b)).map((b) => `bin ${b} is not in the tarball`),
    ...['package.json', 'README.md', 'LICENSE'].filter((f) => !files.includes(f)).map((f) => `no ${f}${f === 'LICENSE' ? ' (cp LICENSE packages/' + dir + '/)' : ''}`),
    ...(files.some((f) => f.startsWith('dist/')) ? [] : ['no dist/ (build first)']),
    ...(existsSync(join(cwd, 'LICENSE')) && readFileSync(join(cwd, 'LICENSE'), 'utf8') !== rootLicense ? ['LICENSE differs from the root LICENSE'] : []),
    ...(pkg.sideEffects === false ? [] : ['sideEffects is not false']),
    ...(pkg.engines?.node ? [] : ['no engines.node']),
  ];
  if (problems.length) failures.push(`tarball ${pkg.name}`);
  console.log(`${problems.length ? 'FAIL' : 'ok  '} tarball ${pkg.name} (${files.length} files)${problems.map((p) => `\n       ${p}`).join('')}`);
}

if (failures.length) {
  console.error(`\n${failures.length} package check(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
