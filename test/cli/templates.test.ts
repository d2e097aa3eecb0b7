/**
 * Template overrides end to end: eject then regenerate is byte-identical; an override changes only the
 * files its template renders; unknown override files, broken overrides and version mismatches are reported.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, tempProject } from '../config/temp-project.js';
import { runCli } from './support/run-cli.js';

const gen = (cwd: string, ...argv: string[]) =>
  runCli(['generate', 'openapi.yaml', '--runtime', 'package', ...argv], { cwd });

function changedFiles(a: Record<string, string>, b: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...paths].filter((p) => p !== '.idemgen-manifest.json' && a[p] !== b[p]).sort();
}

describe('templates', () => {
  it('list names every built-in', async () => {
    const run = await runCli(['templates', 'list']);
    expect(run.code).toBe(0);
    const names = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0]);
    expect(names).toEqual([
      'client/index.hbs',
      'client/operations.hbs',
      'partials/header.hbs',
      'reference/index.html.hbs',
      'reference/reference.md.hbs',
      'server/handlers.hbs',
      'server/index.hbs',
      'server/routes.hbs',
      'server/senders.hbs',
    ]);
  });

  it('eject (all) then generate --templates <ejected> is byte-identical to the built-ins', async () => {
    const cwd = tempProject('tpl-small');
    const eject = await runCli(['templates', 'eject', '-o', 'my-templates'], { cwd });
    expect(eject.code, eject.stderr).toBe(0);
    expect(eject.stdout).toContain('ejected my-templates/client/operations.hbs');
    expect((await gen(cwd, '-o', 'builtin')).code).toBe(0);
    expect((await gen(cwd, '-o', 'ejected', '--templates', 'my-templates')).code).toBe(0);
    expect(changedFiles(readTree(join(cwd, 'builtin')), readTree(join(cwd, 'ejected')))).toEqual([]);
    const list = await runCli(['templates', 'list', '--templates', 'my-templates'], { cwd });
    expect(list.stdout).toContain('[ejected, unchanged]');
  });

  it('eject refuses to overwrite without --force, and names the nearest template for a typo', async () => {
    const cwd = tempProject();
    expect((await runCli(['templates', 'eject', 'client/operations', '-o', 't'], { cwd })).code).toBe(0);
    const again = await runCli(['templates', 'eject', 'client/operations.hbs', '-o', 't'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not overwriting t/client/operations.hbs');
    expect(
      (await runCli(['templates', 'eject', 'client/operations', '-o', 't', '--force'], { cwd })).code,
    ).toBe(0);
    const typo = await runCli(['templates', 'eject', 'client/operation', '-o', 't'], { cwd });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean client/operations.hbs?');
  });

  it('an override changes only the files its template renders, and its header says so', async () => {
    const cwd = tempProject('tpl-small');
    await runCli(['templates', 'eject', 'client/index', '-o', 'tpl'], { cwd });
    const path = join(cwd, 'tpl/client/index.hbs');
    writeFileSync(path, `${readFileSync(path, 'utf8')}export const custom = true;\n`);
    await gen(cwd, '-o', 'builtin');
    expect((await gen(cwd, '-o', 'custom', '--templates', 'tpl')).code).toBe(0);
    expect(changedFiles(readTree(join(cwd, 'builtin')), readTree(join(cwd, 'custom')))).toEqual([
      'client/index.ts',
    ]);
    const text = readFileSync(join(cwd, 'custom/client/index.ts'), 'utf8');
    expect(text).toContain('from template client/index.hbs (overridden by the project)');
    expect(text).toContain('export const custom = true;');
  });

  it('a file that overrides nothing: exit 2 naming it and the nearest built-in, nothing written', async () => {
    const cwd = tempProject('tpl-small');
    mkdirSync(join(cwd, 'tpl/server'), { recursive: true });
    writeFileSync(join(cwd, 'tpl/server/handler.hbs'), 'x\n');
    const run = await gen(cwd, '-o', 'gen', '--templates', 'tpl');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'server/handler.hbs overrides no built-in template; did you mean server/handlers.hbs?',
    );
    expect(readTree(cwd)['gen/client/index.ts']).toBeUndefined();
  });

  it('a broken override: exit 1 with the template, the generated file, the line and the excerpt', async () => {
    const cwd = tempProject('tpl-small');
    mkdirSync(join(cwd, 'tpl/client'), { recursive: true });
    writeFileSync(join(cwd, 'tpl/client/index.hbs'), '{{> header}}\nexport const = ;\n');
    const run = await gen(cwd, '-o', 'gen', '--templates', 'tpl');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^client\/index\.ts:3:14 {2}error {2}.+ {2}\(rendered by template client\/index\.hbs \(overridden by the project\)\)$/m,
    );
    expect(run.stdout).toContain('  > 3 | export const = ;');
    expect(readTree(cwd)['gen/client/index.ts']).toBeUndefined();
  });

  it('a Handlebars error in an override (missing field): exit 2 naming the template', async () => {
    const cwd = tempProject('tpl-small');
    mkdirSync(join(cwd, 'tpl/client'), { recursive: true });
    writeFileSync(join(cwd, 'tpl/client/index.hbs'), '{{nosuchField}}\n');
    const run = await gen(cwd, '-o', 'gen', '--templates', 'tpl');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/client\/index\.hbs: "nosuchField" not defined/);
  });

  it('an override declaring another context version: a warning, and generation goes on', async () => {
    const cwd = tempProject('tpl-small');
    mkdirSync(join(cwd, 'tpl/client'), { recursive: true });
    const builtin = readFileSync(new URL('../../templates/client/index.hbs', import.meta.url), 'utf8');
    writeFileSync(
      join(cwd, 'tpl/client/index.hbs'),
      builtin.replace('idemgen-context: 1', 'idemgen-context: 0'),
    );
    const run = await gen(cwd, '-o', 'gen', '--templates', 'tpl');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning: client/index.hbs was written for template context version 0; this idemgen provides version 1.',
    );
  });

  it('--dump-context prints each file with its template and context, and writes nothing', async () => {
    const cwd = tempProject('tpl-small');
    const run = await gen(cwd, '-o', 'gen', '--dump-context');
    expect(run.code, run.stderr).toBe(0);
    const dump = JSON.parse(run.stdout) as {
      contextVersion: number;
      files: Array<{ path: string; template: string; context: Record<string, unknown> }>;
    };
    expect(dump.contextVersion).toBe(1);
    expect(dump.files.map((f) => `${f.path} <- ${f.template}`)).toEqual([
      'client/orders.ts <- client/operations.hbs',
      'client/refunds.ts <- client/operations.hbs',
      'client/index.ts <- client/index.hbs',
      'server/orders.ts <- server/handlers.hbs',
      'server/refunds.ts <- server/handlers.hbs',
      'server/routes.js <- server/routes.hbs',
      'server/index.ts <- server/index.hbs',
    ]);
    const orders = dump.files[0]?.context as { group: string; operations: Array<{ name: string }> };
    expect(orders.group).toBe('orders');
    expect(orders.operations.map((o) => o.name)).toEqual(['createOrder']);
    expect(readTree(cwd)['gen/client/index.ts']).toBeUndefined();
  });
});
