// Only the XML-speaking packages bring fast-xml-parser; a JSON-only install never does. Read from the
// package.json dependency trees, as npm would resolve them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
const workspace = new Map(readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)).filter((d) => existsSync(join(d, 'package.json'))).map((d) => [manifest(d).name, d]));

/** Every package a production install of `name` pulls in (workspace packages by folder, others from node_modules). */
function dependencyTree(name: string, seen = new Set<string>()): Set<string> {
  const dir = workspace.get(name) ?? join(root, 'node_modules', name);
  for (const dep of Object.keys(manifest(dir).dependencies ?? {})) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    dependencyTree(dep, seen);
  }
  return seen;
}

describe('who depends on fast-xml-parser', () => {
  const jsonOnly = ['@creditkit/core', '@creditkit/finerworks', '@creditkit/fusebill', '@creditkit/softwaredna'].filter((n) => workspace.has(n));

  it.each(jsonOnly)('%s (JSON only) does not, not even transitively', (name) => {
    const tree = dependencyTree(name);
    expect(tree).not.toContain('fast-xml-parser');
    expect(tree).not.toContain('@creditkit/xml');
  });

  it.each(['@creditkit/accountadmin', '@creditkit/safecreative'])('%s does, through @creditkit/xml only', (name) => {
    expect(Object.keys(manifest(workspace.get(name)!).dependencies ?? {})).toEqual(['@creditkit/core', '@creditkit/xml']);
    expect(dependencyTree(name)).toContain('fast-xml-parser');
  });

  it('pins fast-xml-parser exactly where it is used', () => {
    expect(jsonOnly).toContain('@creditkit/finerworks');
    expect(manifest(workspace.get('@creditkit/xml')!).dependencies).toEqual({ '@creditkit/core': '^0.1.0', 'fast-xml-parser': '5.12.1' });
    expect(manifest(workspace.get('@creditkit/mock')!).dependencies?.['fast-xml-parser']).toBe('5.12.1');
  });
});
