// Every exported error class keeps its public name in the built packages, ESM and CJS: as the class's `name`,
// an instance's `name` and `constructor.name`, and the start of its text (`ApiError: 400 …`, never the
// bundler's `_ApiError`). Also the errors a provider's built client raises. Reads dist/: `npm run build`
// first (CI builds before `npm test`); a missing build fails here, naming the command.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const probe = join(import.meta.dirname, 'dist-error-names.probe.mjs');

/** Every published package, with the files its exports map gives to `import` and `require`. */
const packages = readdirSync(join(root, 'packages'))
  .sort()
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private && pkg.exports?.['.'])
  .map(({ dir, pkg }) => ({ name: pkg.name as string, files: [pkg.exports['.'].import.default, pkg.exports['.'].require.default].map((f: string) => join(root, 'packages', dir, f)) }));

interface Found {
  classes: { package: string; format: string; export: string; className: string; name: string; constructorName: string; text: string }[];
  raised: { format: string; case: string; name: string; constructorName: string; text: string }[];
}

describe('error class names in the built packages', { timeout: 30_000 }, () => {
  it('are the public names in ESM and CJS, for every exported class and what a provider raises', () => {
    const missing = packages.flatMap((p) => p.files).filter((f) => !existsSync(f));
    expect(missing, `not built: run \`npm run build\` before this test (CI does)\n${missing.join('\n')}`).toEqual([]);

    const found = JSON.parse(execFileSync(process.execPath, [probe, packages.map((p) => p.name).join(',')], { cwd: root, encoding: 'utf8' })) as Found;
    const wrong = found.classes.filter((c) => [c.className, c.name, c.constructorName, c.text].some((n) => n !== c.export));
    expect(wrong).toEqual([]);
    // The probe saw the whole family, in both formats.
    const seen = (format: string) => found.classes.filter((c) => c.format === format).map((c) => `${c.package} ${c.export}`).sort();
    expect(seen('esm')).toEqual(seen('cjs'));
    expect(seen('esm')).toEqual(expect.arrayContaining(['@creditkit/core ApiError', '@creditkit/core CreditkitError', '@creditkit/core OutcomeUnknownError', '@creditkit/cli UsageError']));
    expect(seen('esm').length).toBeGreaterThanOrEqual(17);

    const named = (name: string) => ({ name, constructorName: name, text: name });
    expect(found.raised).toEqual([
      { format: 'esm', case: 'missing credentials', ...named('MissingCredentialsError') },
      { format: 'esm', case: 'HTTP 400', ...named('ApiError') },
      { format: 'cjs', case: 'missing credentials', ...named('MissingCredentialsError') },
      { format: 'cjs', case: 'HTTP 400', ...named('ApiError') },
    ]);
  });
});
