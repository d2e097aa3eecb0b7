import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../cli/support/build-package.js';

/** npm settings an enclosing `npm test` passes down that a nested npm may keep: cache, registry, proxies. */
const KEPT_NPM_VARIABLES = new Set(
  [
    'cache',
    'registry',
    'userconfig',
    'globalconfig',
    'cafile',
    'proxy',
    'https_proxy',
    'noproxy',
    'strict_ssl',
  ].map((name) => `npm_config_${name}`),
);

/**
 * The environment for a nested `npm`/`npx`: without the `npm_*` variables of an enclosing `npm test` (its
 * `npm_config_local_prefix` would point npm at this repository, its `npm_config_call` would replace npx's
 * command), but with the cache, registry and proxy settings.
 */
function nestedNpmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.toLowerCase().startsWith('npm_') || KEPT_NPM_VARIABLES.has(name.toLowerCase()),
    ),
  );
}

export interface RunResult {
  status: number | null;
  output: string;
}

/** Runs `npm` or `npx` in `cwd` with the nested environment; stdout and stderr together in `output`. */
export function runNpm(command: 'npm' | 'npx', args: string[], cwd: string, timeoutMs = 240_000): RunResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: nestedNpmEnv(), timeout: timeoutMs });
  const timedOut = result.error !== undefined && 'code' in result.error && result.error.code === 'ETIMEDOUT';
  const ending = timedOut
    ? `\n(killed: no answer within ${timeoutMs / 1000} s)`
    : result.error
      ? String(result.error)
      : '';
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${ending}`;
  return { status: result.status, output };
}

/** Copies the entries of package.json's `files` (`dir/*.ext` globs included) from the repository to `stage`. */
function copyPackageFiles(stage: string): void {
  const { files } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
  const always = ['package.json', 'README.md', 'LICENSE', 'tsconfig.json', 'tsconfig.build.json'];
  for (const entry of [...always, ...files]) {
    const glob = /^(.*)\/\*(\.[a-z]+)$/.exec(entry);
    if (glob) {
      const [, dir = '', extension = ''] = glob;
      mkdirSync(join(stage, dir), { recursive: true });
      for (const name of readdirSync(join(REPO_ROOT, dir)).filter((n) => n.endsWith(extension)))
        cpSync(join(REPO_ROOT, dir, name), join(stage, dir, name));
    } else if (existsSync(join(REPO_ROOT, entry))) {
      cpSync(join(REPO_ROOT, entry), join(stage, entry), { recursive: true });
    }
  }
}

/**
 * `npm pack` as a release would, without writing this checkout's `dist/`: the package's files are copied to
 * `<work>/stage` (no `dist/`, so its `prepare` script builds one from the current sources, with the repository's
 * `node_modules` linked for `tsc`), and packed into `<work>`. Returns the tarball's path.
 */
export function packPackage(work: string): string {
  const stage = join(work, 'stage');
  mkdirSync(stage, { recursive: true });
  copyPackageFiles(stage);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const pack = runNpm('npm', ['pack', '--pack-destination', work], stage);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (pack.status !== 0 || tarball === undefined)
    throw new Error(`npm pack (with prepare: npm run build) failed, exit ${pack.status}:\n${pack.output}`);
  return join(work, tarball);
}

/**
 * Makes `dir` a fresh ES-module project and installs the tarball into it, as a user would. Its dependencies come
 * from npm's cache when they are there (`--prefer-offline`), else from the registry: without either, this throws
 * saying so.
 */
export function installTarball(dir: string, tarball: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    '{ "name": "packed-idemgen-user", "private": true, "type": "module" }\n',
  );
  // One short retry instead of npm's two after 10-60 s each: with an unreachable registry and a cold cache,
  // npm fails in under a minute instead of outliving the timeout.
  const retries = ['--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=5000'];
  const install = runNpm(
    'npm',
    ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', ...retries],
    dir,
  );
  if (install.status !== 0)
    throw new Error(
      `npm install of the packed tarball failed (exit ${install.status}): its dependencies come from npm's ` +
        `cache or the registry (${process.env.npm_config_registry ?? "npm's configured registry"}), and ` +
        `neither had them. npm said:\n${install.output}`,
    );
}
