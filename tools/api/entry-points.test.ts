import { describe, expect, it } from 'vitest';
import { publishable } from '../release/workspace.js';
import { entryPoints } from './entry-points.js';
import { normalizeReport } from './report-text.js';

describe('API report entry points', () => {
  const entries = entryPoints();

  it('gives core one report per public .d.ts: the main entry, ./internal, ./node and its browser build, ./otel', () => {
    const core = entries.filter((e) => e.pkg.name === '@creditkit/core').map((e) => [e.subpath, e.conditions, e.reportName]);
    expect(core).toEqual([
      ['.', 'import', 'core'],
      ['./internal', 'import', 'core-internal'],
      ['./node', 'browser > import', 'core-node.browser'],
      ['./node', 'import', 'core-node'],
      ['./otel', 'import', 'core-otel'],
    ]);
  });

  it('covers the main entry of every published package, each under its own report name', () => {
    expect(entries.filter((e) => e.subpath === '.').map((e) => e.pkg.name)).toEqual(publishable().map((p) => p.name));
    expect(new Set(entries.map((e) => e.reportName)).size).toBe(entries.length);
    for (const e of entries) expect(e.dts).toMatch(/[\\/]dist[\\/][^\\/]+\.d\.ts$/);
  });
});

describe('normalizeReport', () => {
  it('drops .d.ts line and column from unattached messages and leaves the signatures alone', () => {
    const report = [
      '// dist/index.d.ts:342:5 - (ae-forgotten-export) The symbol "x" needs to be exported by the entry point index.d.ts',
      'export const ratio: 3:4;',
      '// dist/index.d.cts:1:2 - (ae-forgotten-export) y',
    ].join('\n');
    expect(normalizeReport(report)).toBe(
      [
        '// dist/index.d.ts - (ae-forgotten-export) The symbol "x" needs to be exported by the entry point index.d.ts',
        'export const ratio: 3:4;',
        '// dist/index.d.cts - (ae-forgotten-export) y',
      ].join('\n'),
    );
  });
});
