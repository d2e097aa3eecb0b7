/**
 * `idemgen generate` in-process (main(argv, io)) in temp directories: writing, --check, --dry-run, --clean
 * and its manifest, targets, runtime, rules, formats and exit codes.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, tempProject } from '../config/temp-project.js';
import { runCli } from './support/run-cli.js';

const SPEC = 'openapi.yaml';
const gen = (cwd: string, ...argv: string[]) => runCli(['generate', ...argv], { cwd });

describe('idemgen generate', () => {
  it('writes client, server, schema, runtime and a manifest; a second run changes nothing', async () => {
    const cwd = tempProject('tpl-small');
    const first = await gen(cwd, SPEC, '-o', 'gen');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^✔ gen: \d+ written, 0 unchanged\n$/);
    const tree = readTree(join(cwd, 'gen'));
    for (const path of [
      'client/orders.ts',
      'client/refunds.ts',
      'server/index.ts',
      'schema.ts',
      'runtime/client/index.ts',
    ]) {
      expect(tree[path], path).toBeDefined();
    }
    const manifest = JSON.parse(tree['.idemgen-manifest.json'] ?? '{}') as { files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual(
      Object.keys(tree)
        .filter((p) => !p.startsWith('.'))
        .sort(),
    );
    const second = await gen(cwd, SPEC, '-o', 'gen');
    expect(second.stdout).toMatch(/^✔ gen: 0 written, \d+ unchanged\n$/);
  }, 30_000);

  it.each([
    { target: 'client', has: 'client/index.ts', lacks: 'server/index.ts' },
    { target: 'server', has: 'server/index.ts', lacks: 'client/index.ts' },
  ])('--target $target', async ({ target, has, lacks }) => {
    const cwd = tempProject('tpl-small');
    expect((await gen(cwd, SPEC, '-o', 'gen', '--target', target, '--runtime', 'package')).code).toBe(0);
    expect(existsSync(join(cwd, 'gen', has))).toBe(true);
    expect(existsSync(join(cwd, 'gen', lacks))).toBe(false);
    expect(existsSync(join(cwd, 'gen/runtime'))).toBe(false);
    expect(readFileSync(join(cwd, 'gen', has), 'utf8')).toContain("from 'idemgen/runtime/");
  });

  it('--check: 0 when up to date; 1 naming a changed file, a missing one and one no longer generated', async () => {
    const cwd = tempProject('tpl-small');
    await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package');
    expect((await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package', '--check')).stdout).toBe(
      '✔ gen is up to date\n',
    );
    writeFileSync(join(cwd, 'gen/client/orders.ts'), '// edited\n');
    rmSync(join(cwd, 'gen/server/refunds.ts'));
    const check = await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package', '--check', '--target', 'server');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('stale  server/refunds.ts');
    expect(check.stdout).toContain('no longer generated  client/orders.ts');
    expect(check.stdout).toContain('no longer generated  client/index.ts');
    expect(readFileSync(join(cwd, 'gen/client/orders.ts'), 'utf8')).toBe('// edited\n');
  });

  it('--dry-run lists files with sizes and writes nothing', async () => {
    const cwd = tempProject('tpl-small');
    const run = await gen(cwd, SPEC, '-o', 'gen', '--dry-run', '--runtime', 'package');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^write +\d+(\.\d)? k?B {2}client\/orders\.ts$/m);
    expect(run.stdout).toMatch(
      /dry run: 12 of 12 files would be written to gen \(.* in all\); nothing written\.\n$/,
    );
    expect(existsSync(join(cwd, 'gen'))).toBe(false);
  });

  it('--clean deletes only files it wrote and no longer generates, keeping hand-edited ones and others', async () => {
    const cwd = tempProject('tpl-small');
    await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package');
    writeFileSync(join(cwd, 'gen/notes.md'), 'mine\n');
    writeFileSync(join(cwd, 'gen/client/refunds.ts'), '// edited by hand\n');
    const noClean = await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package', '--target', 'server');
    expect(noClean.stdout).toContain('note: 3 files no longer generated; --clean deletes them.');
    expect(existsSync(join(cwd, 'gen/client/orders.ts'))).toBe(true);

    const clean = await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package', '--target', 'server', '--clean');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain(', 2 deleted');
    expect(clean.stdout).toContain('warning: gen/client/refunds.ts is no longer generated but was edited');
    expect(existsSync(join(cwd, 'gen/client/orders.ts'))).toBe(false);
    expect(existsSync(join(cwd, 'gen/client/index.ts'))).toBe(false);
    expect(readFileSync(join(cwd, 'gen/client/refunds.ts'), 'utf8')).toBe('// edited by hand\n');
    expect(readFileSync(join(cwd, 'gen/notes.md'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(cwd, 'gen/server/index.ts'))).toBe(true);
  });

  it('--clean never deletes a file outside the output directory, even when the manifest names it', async () => {
    const cwd = tempProject('tpl-small');
    await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package');
    writeFileSync(join(cwd, 'victim.txt'), 'keep\n');
    const manifestPath = join(cwd, 'gen/.idemgen-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    manifest.files['../victim.txt'] = 'sha256-x';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect((await gen(cwd, SPEC, '-o', 'gen', '--runtime', 'package', '--clean')).code).toBe(0);
    expect(readFileSync(join(cwd, 'victim.txt'), 'utf8')).toBe('keep\n');
  });

  it('spec errors: diagnostics as lint prints them, exit 1, nothing written; --rule demotes the rule', async () => {
    const cwd = tempProject('cli-errors');
    const run = await gen(cwd, SPEC, '-o', 'gen');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^openapi\.yaml:7:5 {2}error .* unsafe-retry$/m);
    expect(existsSync(join(cwd, 'gen'))).toBe(false);
    const demoted = await gen(cwd, SPEC, '-o', 'gen', '--rule', 'unsafe-retry=warn', '--format', 'json');
    expect(demoted.code).toBe(0);
    expect((JSON.parse(demoted.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
    expect(demoted.stderr).toMatch(/✔ gen: \d+ written/);
  });

  it.each([
    { name: 'a missing spec', argv: ['nope.yaml', '-o', 'gen'], stderr: '' },
    { name: 'no spec and no config', argv: ['-o', 'gen'], stderr: 'Name a spec' },
    { name: 'no output directory', argv: [SPEC], stderr: 'Name an output directory' },
    {
      name: 'an unknown rule',
      argv: [SPEC, '-o', 'gen', '--rule', 'nope=off'],
      stderr: 'Unknown rule "nope"',
    },
    {
      name: 'conflicting flags',
      argv: [SPEC, '-o', 'gen', '--check', '--dry-run'],
      stderr: 'mutually exclusive',
    },
    { name: 'a bad --target', argv: [SPEC, '-o', 'gen', '--target', 'both-ways'], stderr: 'Invalid values' },
    {
      name: 'a missing --templates dir',
      argv: [SPEC, '-o', 'gen', '--templates', 'nope'],
      stderr: 'does not exist',
    },
  ])('exit 2 for $name', async ({ argv, stderr }) => {
    const cwd = tempProject('tpl-small');
    const run = await gen(cwd, ...argv);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain(stderr);
    expect(existsSync(join(cwd, 'gen'))).toBe(false);
  });

  it('reads the spec from stdin', async () => {
    const cwd = tempProject();
    const spec = readFileSync(new URL('../../fixtures/cli-clean/openapi.yaml', import.meta.url), 'utf8');
    const run = await runCli(['generate', '-', '-o', 'gen', '--target', 'client'], { cwd, stdinText: spec });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(existsSync(join(cwd, 'gen/client/index.ts'))).toBe(true);
  });
});
