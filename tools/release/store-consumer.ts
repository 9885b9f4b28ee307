// The user's side of the release test for @creditkit/redis: a fresh project installs it alone, by name. Its
// dependency tree must hold no Redis client (both are optional peers: the user brings one), it must load as
// ESM and CJS, and connectRedisStore() without the `redis` peer must fail with a ConfigurationError that says
// what to install, not crash.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyClosure } from './consumer.js';
import { indent, quiet, run } from './exec.js';
import type { WorkspacePackage } from './workspace.js';

export const REDIS_CLIENTS = /^(redis|ioredis|@redis\/.+)$/;

export async function tryStoreConsumer(pkg: WorkspacePackage, projectDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string[]> {
  mkdirSync(projectDir, { recursive: true });
  writeFileSync(join(projectDir, 'package.json'), `${JSON.stringify({ name: `consumer-of-${pkg.dir}`, version: '0.0.0', private: true }, null, 2)}\n`);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn', pkg.name], { cwd: projectDir, env });
  const warnings = quiet(install.stderr).trim();
  log(`npm install ${pkg.name}  (${(install.ms / 1000).toFixed(1)} s)${warnings ? `\n${indent(warnings)}` : ''}`);

  const ls = await run('npm', ['ls', '--all'], { cwd: projectDir, env, allowFail: true });
  log(`npm ls --all\n${indent(quiet(ls.stdout))}`);
  const closure = [...dependencyClosure(projectDir, pkg.name).keys()];
  const names = closure.map((k) => k.slice(0, k.lastIndexOf('@')));
  const clients = names.filter((n) => REDIS_CLIENTS.test(n));
  // Not in the closure, and not anywhere in node_modules either (npm installs peers unless they are optional).
  const onDisk = ['redis', 'ioredis', '@redis'].filter((n) => existsSync(join(projectDir, 'node_modules', n)));
  const others = names.filter((n) => n !== pkg.name && n !== '@creditkit/core' && n.startsWith('@creditkit/'));
  if (clients.length || onDisk.length || others.length) {
    throw new Error(`${pkg.name} alone installs ${[...clients, ...onDisk, ...others].join(', ')}: its tree must hold no Redis client nor another @creditkit package`);
  }
  log(`${pkg.name} brings: ${closure.join(', ')}; no redis, ioredis or @redis/* in node_modules  -> ok`);

  const probe = (kind: 'esm' | 'cjs') =>
    `${kind === 'esm' ? "import { connectRedisStore, redisStore } from '@creditkit/redis';" : "const { connectRedisStore, redisStore } = require('@creditkit/redis');"}
if (typeof redisStore !== 'function') throw new Error('no redisStore export');
connectRedisStore('redis://:not-shown-pw@127.0.0.1:1').then(
  () => { console.error('connected without the redis package?'); process.exitCode = 1; },
  (error) => {
    const ok = error.name === 'ConfigurationError' && /npm install redis/.test(error.message) && !String(error.stack).includes('not-shown-pw');
    console.log('[${kind}] connectRedisStore without the redis peer:', error.name + ':', error.message);
    if (!ok) process.exitCode = 1;
  },
);
`;
  writeFileSync(join(projectDir, 'probe.mjs'), probe('esm'));
  writeFileSync(join(projectDir, 'probe.cjs'), probe('cjs'));
  for (const file of ['probe.mjs', 'probe.cjs']) {
    const out = await run(process.execPath, [file], { cwd: projectDir, env, allowFail: true });
    if (out.code !== 0) throw new Error(`${pkg.name}: node ${file} failed:\n${out.stdout}${out.stderr}`);
    log(`node ${file}\n${indent(out.stdout)}`);
  }
  return closure;
}
