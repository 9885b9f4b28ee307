// In Node, creditkit never touches the WHATWG Request, Response or Headers globals: reading one loads Node's
// bundled undici (tens of ms of cold start), and building them per attempt is most of a fetch client's CPU. A
// fresh Node imports the built packages and makes a call over node:http; undici must stay unloaded throughout.
// Reads dist/: `npm run build` first (CI builds before `npm test`).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

it('imports core, core/node and a JSON provider, and makes a call, without loading Node’s fetch (undici)', { timeout: 30_000 }, () => {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'no-fetch-in-node.probe.mjs')], { cwd: root, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({ afterImport: [], afterCall: [], credits: 250 });
});
