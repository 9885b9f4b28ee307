// `npm run test:release`: the release, end to end, with the real tools.
//
//  1. `npm run build` here (Nx: cached when CI built already), then snapshot the working tree (tracked +
//     untracked files, plus each package's dist/; no node_modules or .nx) into a temporary git repo whose
//     node_modules links to ours (with @creditkit/* pointing at the snapshot's packages).
//  2. Start Verdaccio on 127.0.0.1:<ephemeral port>, storage and config in the temporary folder.
//  3. `changeset version`, then `changeset publish` (what `npm run release` runs after its build) against it;
//     check that every package is on the registry at its new version, the tags, and each tarball's files.
//  4. For each provider: a fresh project installs it by name, checks its dependency tree, compiles the
//     README's simulator example under strict (and a misspelled field must fail), runs it as ESM and CJS.
//     Then @creditkit/redis alone: its tree holds no Redis client (optional peers), it loads as ESM and CJS.
//  5. The CI changeset check on the snapshot: a source change without a changeset fails, with one passes.
//  6. A core patch, then a core minor: `changeset version`, and what happens to the dependents.
// Verdaccio is stopped by its PID at the end, on failure and on SIGINT/SIGTERM too; the folder is removed
// (`--keep` keeps it).
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ConsumerReport, tryConsumer } from './consumer.js';
import { indent, quiet, run, tail } from './exec.js';
import { tryStoreConsumer } from './store-consumer.js';
import { isRunning, type LocalRegistry, startVerdaccio } from './verdaccio.js';
import { publishable, repoRoot, type WorkspacePackage, workspacePackages } from './workspace.js';

const keep = process.argv.includes('--keep');
const started = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'creditkit-release-'));
const repo = join(tmp, 'repo');
let registry: LocalRegistry | undefined;
let verdaccioPid: number | undefined;
const timings: [string, number][] = [];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
function section(title: string): () => void {
  const t = performance.now();
  console.log(`\n── ${title}`);
  return () => timings.push([title, performance.now() - t]);
}
const log = (line: string) => console.log(indent(line, '  '));

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    if (registry) await registry.stop().catch(() => {});
    if (verdaccioPid !== undefined && isRunning(verdaccioPid)) process.kill(verdaccioPid, 'SIGKILL');
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping verdaccio (pid ${verdaccioPid ?? '-'}) and cleaning up`);
    void cleanup().finally(() => process.exit(code));
  });
}

const git = (args: string[]) => run('git', args, { cwd: repo, env });
const changeset = (args: string[]) => run(process.execPath, [join(repo, 'node_modules', '@changesets', 'cli', 'bin.js'), ...args], { cwd: repo, env });
const identity = { GIT_AUTHOR_NAME: 'creditkit release test', GIT_AUTHOR_EMAIL: 'release-test@creditkit.invalid', GIT_COMMITTER_NAME: 'creditkit release test', GIT_COMMITTER_EMAIL: 'release-test@creditkit.invalid' };
// A clean environment: none of the calling npm's settings, git without global signing, Nx without daemon.
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
  ...identity,
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'commit.gpgsign',
  GIT_CONFIG_VALUE_0: 'false',
  GIT_CONFIG_KEY_1: 'tag.gpgsign',
  GIT_CONFIG_VALUE_1: 'false',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NO_COLOR: '1',
  NO_UPDATE_NOTIFIER: '1',
};
// picocolors (changesets) turns colour ON when FORCE_COLOR is set at all, even to 0.
delete env.FORCE_COLOR;

async function snapshot(): Promise<void> {
  const done = section('1. build, and snapshot the working tree -> temporary git repo');
  const build = await run('npm', ['run', 'build'], { cwd: repoRoot, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' }, allowFail: true });
  if (build.code !== 0) throw new Error(`npm run build failed:\n${tail(quiet(build.stdout + build.stderr), 60)}`);
  log(`npm run build: ${tail(build.stdout, 8).split('\n').find((l) => /Successfully ran|Cache/.test(l))?.trim() ?? 'ok'} (${seconds(build.ms)})`);
  const listed = (await run('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot })).stdout.split('\0').filter(Boolean);
  let count = 0;
  for (const file of listed) {
    const from = join(repoRoot, file);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    copyFileSync(from, join(repo, file));
    count++;
  }
  // node_modules: ours, linked entry by entry, except the workspace packages, which point at the snapshot.
  const modules = join(repo, 'node_modules');
  mkdirSync(join(modules, '@creditkit'), { recursive: true });
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry === '@creditkit' || (entry.startsWith('.') && entry !== '.bin')) continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  for (const pkg of workspacePackages(repo)) {
    symlinkSync(join('..', '..', 'packages', pkg.dir), join(modules, '@creditkit', pkg.name.split('/')[1]!));
    const nested = join(repoRoot, 'packages', pkg.dir, 'node_modules');
    if (existsSync(nested)) symlinkSync(nested, join(pkg.path, 'node_modules'));
    // The build output, as `npm run release` has it when it reaches `changeset publish` (dist/ holds no version).
    const dist = join(repoRoot, 'packages', pkg.dir, 'dist');
    if (existsSync(dist)) cpSync(dist, join(pkg.path, 'dist'), { recursive: true });
  }
  await git(['init', '-q', '-b', 'main']);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'snapshot of the working tree for the release test']);
  log(`${count} files copied to ${repo}; git repo created (changeset publish tags releases)`);
  log(`packages found: ${workspacePackages(repo).map((p) => `${p.name}${p.private ? ' (private)' : ''}`).join(', ')}`);
  done();
}

async function startRegistry(): Promise<void> {
  const done = section('2. verdaccio');
  registry = await startVerdaccio(join(tmp, 'verdaccio'), (pid) => (verdaccioPid = pid));
  const npmrc = join(tmp, 'npmrc');
  // npm refuses to publish without a token; Verdaccio (publish: $all) accepts any.
  writeFileSync(npmrc, `registry=${registry.url}\n//127.0.0.1:${registry.port}/:_authToken=release-test-dummy-token\n`);
  Object.assign(env, {
    npm_config_registry: registry.url,
    'npm_config_@creditkit:registry': registry.url,
    npm_config_userconfig: npmrc,
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  const version = (await run(process.execPath, [join(repoRoot, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--version'], { cwd: tmp, env })).stdout.trim();
  log(`verdaccio ${version} pid ${registry.pid} at ${registry.url} (storage ${join(tmp, 'verdaccio', 'storage')}; @creditkit/* local only, the rest via the public registry)`);
  done();
}

async function versionAndPublish(): Promise<WorkspacePackage[]> {
  let done = section('3a. changeset version');
  const before = new Map(publishable(repo).map((p) => [p.name, p.version]));
  for (const p of publishable(repo)) {
    if (p.json.publishConfig && typeof p.json.publishConfig === 'object' && 'registry' in p.json.publishConfig) {
      throw new Error(`${p.name} sets publishConfig.registry: the test would publish outside the local registry`);
    }
  }
  const version = await changeset(['version']);
  log(quiet(version.stdout + version.stderr).trim() || '(no output)');
  const packages = publishable(repo);
  for (const p of packages) {
    const deps = Object.entries(p.json.dependencies ?? {})
      .filter(([n]) => n.startsWith('@creditkit/'))
      .map(([n, r]) => `${n} ${r}`);
    log(`${p.name.padEnd(24)} ${before.get(p.name)} -> ${p.version}${deps.length ? `   (${deps.join(', ')})` : ''}`);
  }
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'Version packages']);
  done();

  done = section('3b. changeset publish -> verdaccio  (npm run release = npm run build && changeset publish)');
  const publish = await changeset(['publish']).catch((error: unknown) => {
    throw new Error(`changeset publish failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  const output = quiet(publish.stdout + publish.stderr);
  log(
    output
      .split('\n')
      .filter((l) => /success|New tag|^🦋 {2}@|error/.test(l))
      .join('\n'),
  );
  log(`(publish took ${seconds(publish.ms)})`);
  const tags = (await git(['tag', '-l'])).stdout.trim().split('\n').filter(Boolean);
  for (const p of packages) {
    const view = await run('npm', ['view', `${p.name}@${p.version}`, 'dist', '--json'], { cwd: tmp, env, allowFail: true });
    if (view.code !== 0) throw new Error(`${p.name}@${p.version} is not on the registry:\n${view.stderr}`);
    const dist = JSON.parse(view.stdout) as { shasum?: string; tarball?: string };
    const tag = `${p.name}@${p.version}`;
    if (!tags.includes(tag)) throw new Error(`changeset publish created no git tag ${tag}`);
    log(`npm view ${tag.padEnd(32)} -> ${dist.tarball?.replace(registry!.url, '<registry>/')} (sha1 ${dist.shasum?.slice(0, 12)}); git tag ${tag}`);
  }
  done();

  done = section('3c. tarball contents (npm pack --dry-run --json)');
  const packed = JSON.parse((await run('npm', ['pack', '--dry-run', '--json', '--workspaces'], { cwd: repo, env })).stdout) as { name: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  for (const p of packages) {
    const entry = packed.find((e) => e.name === p.name);
    if (!entry) throw new Error(`npm pack listed no ${p.name}`);
    const files = entry.files.map((f) => f.path);
    // A bin may point at a committed entry file outside dist/ (linked at install, before a build).
    const bins = new Set(Object.values(typeof p.json.bin === 'string' ? { bin: p.json.bin } : (p.json.bin ?? {})).map((b) => b.replace(/^\.\//, '')));
    const stray = files.filter((f) => !/^(dist\/.+|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f) && !bins.has(f));
    const missing = ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].filter((f) => !files.includes(f));
    if (!files.some((f) => f.startsWith('dist/'))) missing.push('dist/');
    if (stray.length || missing.length) throw new Error(`${p.name} tarball: ${stray.length ? `unexpected ${stray.join(', ')}` : ''} ${missing.length ? `missing ${missing.join(', ')}` : ''}`);
    const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    log(`${p.name.padEnd(24)} ${String(files.length).padStart(2)} files (${kB(entry.size)} packed, ${kB(entry.unpackedSize)} unpacked): package.json, README.md, LICENSE, CHANGELOG.md${[...bins].map((b) => `, ${b}`).join('')} + ${files.filter((f) => f.startsWith('dist/')).length} in dist/  -> ok`);
  }
  done();
  return packages;
}

async function consumers(packages: WorkspacePackage[]): Promise<ConsumerReport[]> {
  const providers = packages.filter((p) => p.provider);
  // Two projects at a time (installs wait on the network, tsc on the CPU); each prints its block when done, in order.
  const jobs = new Map<string, Promise<{ report?: ConsumerReport; error?: unknown; lines: string[]; ms: number }>>();
  const queue = [...providers];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      const lines: string[] = [];
      const t = performance.now();
      const job = tryConsumer(pkg, join(tmp, 'consumers', pkg.dir), env, (line) => lines.push(line)).then(
        (report) => ({ report, lines, ms: performance.now() - t }),
        (error: unknown) => ({ error, lines, ms: performance.now() - t }),
      );
      jobs.set(pkg.name, job);
      await job;
    }
  };
  const workers = [worker(), worker()];
  const reports: ConsumerReport[] = [];
  for (const pkg of providers) {
    while (!jobs.has(pkg.name)) await new Promise((r) => setTimeout(r, 50));
    const { report, error, lines, ms } = await jobs.get(pkg.name)!;
    console.log(`\n── 4. a fresh project installs ${pkg.name} alone (${pkg.xml ? 'XML' : 'JSON'} provider)`);
    for (const line of lines) log(line);
    timings.push([`4. consumer of ${pkg.name} (two run at a time)`, ms]);
    if (error) {
      await Promise.allSettled(workers);
      throw error;
    }
    reports.push(report!);
  }
  await Promise.all(workers);
  for (const kind of ['json', 'xml'] as const) {
    const ofKind = reports.filter((r) => r.kind === kind);
    if (ofKind.length && !ofKind.some((r) => r.ran)) throw new Error(`no ${kind.toUpperCase()} provider was compiled and run (their READMEs lack a simulator example)`);
  }
  if (!reports.some((r) => r.kind === 'json' && r.ran)) throw new Error('no JSON provider was compiled and run');
  return reports;
}

async function storeConsumer(packages: WorkspacePackage[]): Promise<string[] | undefined> {
  const pkg = packages.find((p) => p.name === '@creditkit/redis');
  if (!pkg) return undefined;
  const done = section(`4b. a fresh project installs ${pkg.name} alone (no Redis client in its tree)`);
  const tree = await tryStoreConsumer(pkg, join(tmp, 'consumers', pkg.dir), env, log);
  done();
  return tree;
}

async function changesetCheck(): Promise<void> {
  const done = section('5. CI changeset check on the snapshot (base: previous commit)');
  const check = () => run(join(repo, 'node_modules', '.bin', 'tsx'), [join(repo, 'tools', 'release', 'check-changesets.ts')], { cwd: repo, env, allowFail: true });
  const source = join(repo, 'packages', 'core', 'src', 'index.ts');
  writeFileSync(source, `${readFileSync(source, 'utf8')}\n// a change made by the release test\n`);
  await git(['commit', '-qam', 'core: a source change without a changeset']);
  const without = await check();
  if (without.code === 0 || !/@creditkit\/core changed without a changeset/.test(without.stderr)) {
    throw new Error(`the check passed a core change without a changeset:\n${without.stdout}${without.stderr}`);
  }
  log(`core source changed, no changeset -> exit ${without.code}:\n${indent(quiet(without.stdout + without.stderr).trim())}`);
  writeFileSync(join(repo, '.changeset', 'release-test-core-patch.md'), '---\n"@creditkit/core": patch\n---\n\nA fix in core (made by the release test).\n');
  await git(['add', '-A']);
  await git(['commit', '-q', '--amend', '-m', 'core: a source change, with its changeset']);
  const withIt = await check();
  if (withIt.code !== 0) throw new Error(`the check failed with a changeset present:\n${withIt.stdout}${withIt.stderr}`);
  log(`same change with .changeset/release-test-core-patch.md -> exit 0 (${quiet(withIt.stdout).trim().split('\n').find((l) => l.includes('@creditkit/core'))?.trim()})`);
  done();
}

type Snapshot = Map<string, { version: string; core?: string }>;
const snapshotVersions = (): Snapshot => new Map(publishable(repo).map((p) => [p.name, { version: p.version, ...(p.json.dependencies?.['@creditkit/core'] ? { core: p.json.dependencies['@creditkit/core'] } : {}) }]));

async function coreBump(bump: 'patch' | 'minor', changesetFile: string | undefined): Promise<void> {
  const done = section(`6. core ${bump}: changeset version, and the dependents (updateInternalDependencies: "patch")`);
  if (changesetFile) writeFileSync(join(repo, '.changeset', changesetFile), `---\n"@creditkit/core": ${bump}\n---\n\nA ${bump} change in core (made by the release test).\n`);
  const before = snapshotVersions();
  await changeset(['version']);
  const after = snapshotVersions();
  const core = { from: before.get('@creditkit/core')!.version, to: after.get('@creditkit/core')!.version };
  const [maj, min, pat] = core.from.split('.').map(Number) as [number, number, number];
  const expected = bump === 'patch' ? `${maj}.${min}.${pat + 1}` : `${maj}.${min + 1}.0`;
  if (core.to !== expected) throw new Error(`core ${bump}: ${core.from} -> ${core.to}, expected ${expected}`);
  log(`@creditkit/core          ${core.from} -> ${core.to}`);
  for (const [name, b] of before) {
    if (!b.core) continue;
    const a = after.get(name)!;
    const inRange = satisfiesCaret(core.to, b.core);
    // changesets: a dependent whose range still holds the new core is left alone; one whose range it leaves
    // gets a patch release with the range moved to ^<new core>.
    const wantVersion = inRange ? b.version : bumpPatch(b.version);
    const wantRange = inRange ? b.core : `^${core.to}`;
    const ok = a.version === wantVersion && a.core === wantRange;
    log(`${name.padEnd(24)} ${b.version} -> ${a.version}, core range ${b.core} -> ${a.core}   (${inRange ? 'still in range: untouched' : 'out of range: patch + new range'})${ok ? '  -> ok' : '  -> UNEXPECTED'}`);
    if (!ok) throw new Error(`${name} after a core ${bump}: ${a.version} / ${a.core}, expected ${wantVersion} / ${wantRange}`);
  }
  const changelog = readFileSync(join(repo, 'packages', 'core', 'CHANGELOG.md'), 'utf8');
  log(`packages/core/CHANGELOG.md now starts:\n${indent(changelog.split('\n').slice(0, 8).join('\n'))}`);
  await git(['add', '-A']);
  await git(['commit', '-qm', `Version packages (core ${bump})`]);
  done();
}

const bumpPatch = (v: string) => v.replace(/\.(\d+)$/, (_, p: string) => `.${Number(p) + 1}`);
/** `^x.y.z` as npm reads it (0.x ranges stop at the next minor). */
function satisfiesCaret(version: string, range: string): boolean {
  const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!m) throw new Error(`unexpected range ${range}`);
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [x, y, z] = version.split('.').map(Number) as [number, number, number];
  if (a > 0) return x === a && (y > b || (y === b && z >= c));
  return x === 0 && y === b && z >= c;
}

async function main(): Promise<void> {
  console.log(`creditkit release test in ${tmp}${keep ? ' (kept)' : ''}`);
  await snapshot();
  await startRegistry();
  const packages = await versionAndPublish();
  const reports = await consumers(packages);
  const redisTree = await storeConsumer(packages);
  await changesetCheck();
  await coreBump('patch', undefined);
  await coreBump('minor', 'release-test-core-minor.md');

  console.log('\n── summary');
  log(`published: ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  for (const r of reports) log(`${r.name}@${r.version} (${r.kind}): tree ${r.tree.join(' ')}; ${r.ran ? 'typed + ran as ESM and CJS' : `not run: ${r.note}`}`);
  if (redisTree) log(`@creditkit/redis alone: tree ${redisTree.join(' ')}; no Redis client; loads as ESM and CJS`);
  for (const [title, ms] of timings) log(`${seconds(ms).padStart(8)}  ${title}`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
  if (registry) console.error(`verdaccio log (tail):\n${indent(tail(registry.log(), 20))}`);
} finally {
  await cleanup();
  const pid = verdaccioPid;
  const alive = pid !== undefined && isRunning(pid);
  console.log(`\nverdaccio pid ${pid ?? '-'}: ${alive ? 'STILL RUNNING' : 'stopped'}; ${keep ? `kept ${tmp}` : `removed ${tmp}`}; total ${seconds(performance.now() - started)}`);
  if (alive) failed = true;
  process.exitCode = failed ? 1 : 0;
}
