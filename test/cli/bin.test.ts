/**
 * The real binary, spawned: bin/idemgen.js importing the compiled dist/cli/main.js. The package is compiled
 * into test/cli/.out/pkg (a throwaway copy) so that this neither depends on a stale shared dist/ nor races
 * other builds; tsx would skip exactly what this test is for (bin, compiled ESM, package.json lookup).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, REPO_ROOT } from './support/build-package.js';

let bin = '';

beforeAll(() => {
  bin = buildPackage(join(REPO_ROOT, 'test/cli/.out/pkg'));
});

function spawnCli(argv: string[]) {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [bin, ...argv], { cwd: REPO_ROOT, encoding: 'utf8', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('node bin/idemgen.js', () => {
  it('lint --format json: exit 1 and a JSON report when the spec has errors', () => {
    const run = spawnCli(['lint', 'fixtures/cli-errors/openapi.yaml', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { summary: { errors: number } };
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('lint: stylish, uncoloured through a pipe', () => {
    const run = spawnCli(['lint', 'fixtures/cli-errors/openapi.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^fixtures\/cli-errors\/openapi\.yaml:\d+:\d+ {2}error/m);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exit 0 on a clean spec, 2 on a missing one', () => {
    expect(spawnCli(['lint', 'fixtures/cli-clean/openapi.yaml']).code).toBe(0);
    expect(spawnCli(['lint', 'fixtures/cli-none/openapi.yaml']).code).toBe(2);
  });

  it('a usage error: exit 2, a message, no stack trace', () => {
    const run = spawnCli(['lint', 'fixtures/cli-clean/openapi.yaml', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("idemgen: Unknown argument: bogus\nRun 'idemgen lint --help' for usage.\n");
  });

  it('--version reads package.json at run time', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(spawnCli(['--version']).stdout).toBe(`${version}\n`);
  });
});
