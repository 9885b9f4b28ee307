// Child process of the generation section: writes every spec with its operations repeated `factor` times
// into a temporary folder, generates each one there with the real generator, and prints the timings as JSON.
// Run fresh per factor, so each figure includes what a cold `npm run generate` pays.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { generateProvider } from '../codegen/generate-provider.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The spec with each path's operations copied `factor - 1` times under new paths and operationIds. */
export function scaleSpec(yamlText: string, factor: number): { text: string; operations: number } {
  const doc = parse(yamlText) as { paths?: Record<string, Record<string, { operationId?: string }>> };
  const paths = doc.paths ?? {};
  let operations = 0;
  for (const [path, item] of Object.entries(paths)) {
    operations += METHODS.filter((m) => item[m]).length * factor;
    for (let copy = 1; copy < factor; copy++) {
      const clone = structuredClone(item);
      for (const m of METHODS) if (clone[m]?.operationId) clone[m].operationId += `Copy${copy}`;
      paths[`${path.replace(/\/$/, '')}/bench-copy-${copy}`] = clone;
    }
  }
  return { text: stringify(doc), operations };
}

async function main() {
  const [factorArg, outDir] = process.argv.slice(2);
  const factor = Number(factorArg);
  if (!Number.isInteger(factor) || factor < 1 || !outDir) throw new Error('usage: generate-scaled.ts <factor> <outDir>');
  mkdirSync(outDir, { recursive: true });
  const specDir = join(import.meta.dirname, '../../specs');
  const specs = readdirSync(specDir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('redocly') && !f.startsWith('.')).sort();
  const results: { spec: string; operations: number; ms: number; bytes: number }[] = [];
  for (const file of specs) {
    const { text, operations } = scaleSpec(readFileSync(join(specDir, file), 'utf8'), factor);
    const specPath = join(outDir, file);
    writeFileSync(specPath, text);
    const started = performance.now();
    const generated = await generateProvider(specPath);
    const ms = performance.now() - started;
    const target = join(outDir, file.replace(/\.ya?ml$/, ''), 'generated');
    mkdirSync(target, { recursive: true });
    let bytes = 0;
    for (const [name, content] of Object.entries(generated.files)) {
      writeFileSync(join(target, name), content);
      bytes += Buffer.byteLength(content);
    }
    results.push({ spec: file, operations, ms, bytes });
  }
  process.stdout.write(`${JSON.stringify({ factor, results })}\n`);
}

if (import.meta.filename === process.argv[1]) await main();
