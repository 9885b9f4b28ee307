// `npm run check:packages`: every publishable package under packages/ passes publint and
// "Are the types wrong?" (attw --pack). Packages are found, not listed, so a new provider is covered.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
if (failures.length) {
  console.error(`\n${failures.length} package check(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
