// `npm run api:unused`: the names `@creditkit/core` exports (each entry point of its package.json "exports")
// that no other package's source (packages/*/src, tests excluded) and no tool (tools/, tests excluded)
// imports: candidates to un-export or move behind an internal subpath (issue 14). Informational; exits 0.
//
// Each candidate is listed with what still argues for keeping it public:
//   tests    imported by a test of another package or tool (through the package name)
//   readme   imported in a TypeScript example of a README
//   api-of   named in another package's API report (api-reports/), i.e. users meet it in that package's
//            types and may want to name it
// Reads the sources, so no build is needed (api-of needs committed reports).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot, workspacePackages } from '../release/workspace.js';
import { entryPoints, reportFolder } from './entry-points.js';

const CORE = '@creditkit/core';
const rel = (path: string) => relative(repoRoot, path);
const isTest = (path: string) => /\.test(-d)?\.ts$|\.soak\.test\.ts$|[\\/]test-support[\\/]/.test(path);

interface Exported {
  name: string;
  kind: string;
  declaredIn: string;
}

/** The entry points of core, as the specifiers users write, each with its source file. */
function coreEntries(): { specifier: string; source: string }[] {
  const seen = new Set<string>();
  return entryPoints()
    .filter((e) => e.pkg.name === CORE)
    // `./node` has a Node and a browser build with one surface: the Node build stands for the subpath.
    .sort((a, b) => Number(a.conditions.includes('browser')) - Number(b.conditions.includes('browser')))
    .map((e) => {
      const source = join(e.pkg.path, 'src', `${basename(e.dts, '.d.ts')}.ts`);
      return { specifier: e.subpath === '.' ? CORE : `${CORE}/${e.subpath.slice(2)}`, source: existsSync(source) ? source : e.dts };
    })
    .filter((e) => !seen.has(e.specifier) && seen.add(e.specifier));
}

function kindOf(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Namespace) return 'namespace';
  return 'other';
}

function exportsOf(sources: string[]): Map<string, Exported[]> {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true };
  const program = ts.createProgram(sources, options);
  const checker = program.getTypeChecker();
  const result = new Map<string, Exported[]>();
  for (const source of sources) {
    const file = program.getSourceFile(source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`cannot read the exports of ${rel(source)}`);
    result.set(
      source,
      checker.getExportsOfModule(moduleSymbol).map((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const declaration = target.declarations?.[0];
        return { name: symbol.name, kind: kindOf(target), declaredIn: declaration ? rel(declaration.getSourceFile().fileName) : '?' };
      }),
    );
  }
  return result;
}

/** Every name a file imports from one of core's specifiers; `*` for `export * from`. */
function importedNames(text: string, fileName: string, specifiers: Set<string>): Map<string, Set<string>> {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const used = new Map<string, Set<string>>();
  const add = (specifier: string, name: string) => used.set(specifier, (used.get(specifier) ?? new Set()).add(name));
  const namespaces = new Map<string, string>();
  const specifierOf = (node: ts.Node | undefined) => (node && ts.isStringLiteral(node) && specifiers.has(node.text) ? node.text : undefined);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const specifier = specifierOf(node.moduleSpecifier);
      const clause = node.importClause;
      if (specifier && clause) {
        if (clause.name) add(specifier, 'default');
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) add(specifier, (e.propertyName ?? e.name).text);
        if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, specifier);
      }
    } else if (ts.isExportDeclaration(node)) {
      const specifier = specifierOf(node.moduleSpecifier);
      if (specifier && !node.exportClause) add(specifier, '*');
      if (specifier && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const e of node.exportClause.elements) add(specifier, (e.propertyName ?? e.name).text);
      }
      if (specifier && node.exportClause && ts.isNamespaceExport(node.exportClause)) add(specifier, '*');
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      const specifier = ts.isLiteralTypeNode(arg) ? specifierOf(arg.literal) : undefined;
      let q = node.qualifier;
      while (q && ts.isQualifiedName(q)) q = q.left;
      if (specifier) add(specifier, q ? q.text : '*');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      // A dynamic import of the whole module: count everything as used rather than guess.
      const specifier = specifierOf(node.arguments[0]);
      if (specifier) add(specifier, '*');
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text)) {
      add(namespaces.get(node.expression.text)!, node.name.text);
    } else if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && namespaces.has(node.left.text)) {
      add(namespaces.get(node.left.text)!, node.right.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return used;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (/\.(m|c)?tsx?$/.test(e.name)) out.push(path);
  }
  return out;
}

/** TypeScript/JavaScript fenced code blocks of a Markdown file, joined into one source. */
const codeBlocks = (markdown: string) => [...markdown.matchAll(/```(?:ts|typescript|js|javascript|mts|cts)\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');

function main() {
  const entries = coreEntries();
  const specifiers = new Set(entries.map((e) => e.specifier));
  const exported = exportsOf(entries.map((e) => e.source));
  const others = workspacePackages().filter((p) => p.name !== CORE);
  const files = [...others.flatMap((p) => walk(join(p.path, 'src'))), ...walk(join(repoRoot, 'tools'))];

  const usedBy = (paths: string[], read: (path: string) => string = (p) => readFileSync(p, 'utf8')) => {
    const used = new Map<string, Set<string>>();
    for (const path of paths) {
      for (const [specifier, names] of importedNames(read(path), path, specifiers)) {
        used.set(specifier, new Set([...(used.get(specifier) ?? []), ...names]));
      }
    }
    return used;
  };
  const bySource = usedBy(files.filter((f) => !isTest(f)));
  const byTests = usedBy(files.filter(isTest));
  const readmes = [join(repoRoot, 'README.md'), ...workspacePackages().map((p) => join(p.path, 'README.md'))].filter(existsSync);
  const byReadme = usedBy(readmes, (p) => codeBlocks(readFileSync(p, 'utf8')));
  const otherReports = existsSync(reportFolder)
    ? readdirSync(reportFolder)
        .filter((f) => f.endsWith('.api.md') && !/^core(-|\.api)/.test(f))
        .map((f) => ({ name: f.replace(/\.api\.md$/, ''), text: readFileSync(join(reportFolder, f), 'utf8') }))
    : [];

  const has = (used: Map<string, Set<string>>, specifier: string, name: string) => used.get(specifier)?.has(name) || used.get(specifier)?.has('*');
  let total = 0;
  for (const { specifier, source } of entries) {
    const names = exported.get(source) ?? [];
    const unused = names.filter((e) => !has(bySource, specifier, e.name)).sort((a, b) => a.name.localeCompare(b.name));
    total += unused.length;
    console.log(`${specifier} (${rel(source)}): ${names.length} exports, ${unused.length} not imported by another package's source or a tool`);
    const width = Math.max(4, ...unused.map((e) => e.name.length));
    for (const e of unused) {
      const apiOf = otherReports.filter((r) => new RegExp(`\\b${e.name}\\b`).test(r.text)).map((r) => r.name);
      const notes = [
        has(byTests, specifier, e.name) ? 'tests' : '',
        has(byReadme, specifier, e.name) ? 'readme' : '',
        apiOf.length ? `api-of: ${apiOf.join(', ')}` : '',
      ].filter(Boolean);
      console.log(`  ${e.name.padEnd(width)}  ${e.kind.padEnd(9)}  ${e.declaredIn}${notes.length ? `  [${notes.join('; ')}]` : ''}`);
    }
    console.log('');
  }
  const count = (used: Map<string, Set<string>>) => [...used.values()].reduce((n, names) => n + names.size, 0);
  console.log(
    `${total} candidate(s). Scanned ${files.length} files (packages/*/src of ${others.length} packages, tools/) and ` +
      `${readmes.length} READMEs; names imported from core: ${count(bySource)} by sources, ${count(byTests)} by tests, ${count(byReadme)} in READMEs.`,
  );
}

main();
