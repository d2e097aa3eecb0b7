/**
 * The build-integration example: its `npm run build` (idemgen generate, then tsc --strict over the app's own
 * code) must pass, and a type error in the app against the generated types must fail it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, REPO_ROOT } from './cli/support/build-package.js';

const work = resolve(REPO_ROOT, 'test/.out/build-app');
const app = join(work, 'app');

function npmRun(script: string) {
  return spawnSync('npm', ['run', '--silent', script], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(work, 'bin')}${delimiter}${process.env.PATH}` },
    timeout: 120_000,
  });
}

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  const bin = buildPackage(join(work, 'pkg'));
  // The example's devDependencies, as a user's install would provide them: `idemgen` and `tsc` on PATH.
  mkdirSync(join(work, 'bin'), { recursive: true });
  writeFileSync(join(work, 'bin/idemgen'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  writeFileSync(
    join(work, 'bin/tsc'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(REPO_ROOT, 'node_modules/typescript/bin/tsc')}" "$@"\n`,
  );
  chmodSync(join(work, 'bin/idemgen'), 0o755);
  chmodSync(join(work, 'bin/tsc'), 0o755);
  cpSync(join(REPO_ROOT, 'examples/build-app'), app, {
    recursive: true,
    filter: (src) => !src.includes('generated'),
  });
  cpSync(join(REPO_ROOT, 'examples/payments.yaml'), join(work, 'payments.yaml'));
}, 120_000);

describe('examples/build-app', () => {
  it('npm run build generates and type-checks; check then finds nothing stale', () => {
    const build = npmRun('build');
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const check = npmRun('check');
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 120_000);

  it('a body that does not match the spec fails the build', () => {
    const file = join(app, 'src/app.ts');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace("currency: 'EUR'", 'currency: 42'));
    try {
      const build = npmRun('build');
      expect(build.status).not.toBe(0);
      expect(build.stdout + build.stderr).toMatch(/app\.ts.*error TS2322/s);
    } finally {
      writeFileSync(file, source);
    }
  }, 120_000);
});
