import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishable } from '../release/workspace.js';
import { documentedEntryPoints, missingReadmeLinks, referencePageUrl } from './reference-entries.js';

describe('API reference entry points', () => {
  const entries = documentedEntryPoints();

  it('documents core as four modules (the browser build of ./node is the same names) and every other package as one', () => {
    expect(entries.filter((e) => e.pkg === '@creditkit/core').map((e) => e.specifier)).toEqual([
      '@creditkit/core',
      '@creditkit/core/internal',
      '@creditkit/core/node',
      '@creditkit/core/otel',
    ]);
    expect(entries.filter((e) => e.specifier === e.pkg).map((e) => e.pkg)).toEqual(publishable().map((p) => p.name));
  });

  it('reads each module from the source file of its built entry', () => {
    const node = entries.find((e) => e.specifier === '@creditkit/core/node');
    expect(node?.source).toMatch(/packages[\\/]core[\\/]src[\\/]node\.ts$/);
    for (const e of entries) expect(existsSync(e.source), e.source).toBe(true);
  });

  it('links a page per specifier, which each published README carries', () => {
    expect(referencePageUrl({ specifier: '@creditkit/core/otel' })).toBe('https://github.com/creditkit/creditkit/blob/main/docs/reference/@creditkit/core/otel.md');
    expect(missingReadmeLinks()).toEqual([]);
  });

  it('names a README that lacks its link', () => {
    const root = mkdtempSync(join(tmpdir(), 'ck-docs-'));
    mkdirSync(join(root, 'packages', 'demo'), { recursive: true });
    const exports = { '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' } } };
    writeFileSync(join(root, 'packages', 'demo', 'package.json'), JSON.stringify({ name: '@creditkit/demo', version: '0.0.0', exports }));
    writeFileSync(join(root, 'packages', 'demo', 'README.md'), '# @creditkit/demo\n');
    expect(missingReadmeLinks(root)).toEqual([
      'packages/demo/README.md has no link to https://github.com/creditkit/creditkit/blob/main/docs/reference/@creditkit/demo.md',
    ]);
    writeFileSync(join(root, 'packages', 'demo', 'README.md'), `# demo\n\n[ref](${referencePageUrl({ specifier: '@creditkit/demo' })})\n`);
    expect(missingReadmeLinks(root)).toEqual([]);
  });
});
