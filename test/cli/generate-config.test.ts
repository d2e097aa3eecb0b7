/** `idemgen generate` driven by a config file: projects, flags over the file, helpers and partials, errors. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../config/temp-project.js';
import { runCli } from './support/run-cli.js';

describe('generate with a config file', () => {
  it('generates every project, found upward from a subdirectory', async () => {
    const cwd = tempProject('tpl-small');
    writeFileSync(
      join(cwd, 'idemgen.config.json'),
      JSON.stringify({
        runtime: 'package',
        projects: [
          { spec: 'openapi.yaml', out: 'gen/client', target: 'client' },
          { spec: 'openapi.yaml', out: 'gen/server', target: 'server' },
        ],
      }),
    );
    mkdirSync(join(cwd, 'deep/er'), { recursive: true });
    const run = await runCli(['generate'], { cwd: join(cwd, 'deep/er') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('../../openapi.yaml -> ../../gen/client\n');
    expect(existsSync(join(cwd, 'gen/client/client/index.ts'))).toBe(true);
    expect(existsSync(join(cwd, 'gen/server/server/index.ts'))).toBe(true);
    expect(existsSync(join(cwd, 'gen/client/server'))).toBe(false);
    const check = await runCli(['generate', '--check', '--target', 'client'], { cwd });
    expect(check.code).toBe(1);
  });

  it('helpers and partials from an .mjs config reach the templates; choices are in the context', async () => {
    const cwd = tempProject('tpl-small');
    writeFileSync(
      join(cwd, 'idemgen.config.mjs'),
      `export default {
  spec: 'openapi.yaml', out: 'gen', runtime: 'package', target: 'client', templates: 'tpl', store: 'sqlite',
  helpers: { shout: (text) => String(text).toUpperCase() },
  partials: { banner: '// banner for {{apiTitle}}' },
};\n`,
    );
    mkdirSync(join(cwd, 'tpl/client'), { recursive: true });
    const builtin = readFileSync(new URL('../../templates/client/index.hbs', import.meta.url), 'utf8');
    writeFileSync(
      join(cwd, 'tpl/client/index.hbs'),
      `${builtin}{{> banner}}\nexport const loud = '{{shout apiTitle}}';\nexport const store = '{{choices.store}}';\n`,
    );
    const run = await runCli(['generate'], { cwd });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const text = readFileSync(join(cwd, 'gen/client/index.ts'), 'utf8');
    expect(text).toContain('// banner for Shop 1.0.0');
    expect(text).toContain("export const loud = 'SHOP 1.0.0';");
    expect(text).toContain("export const store = 'sqlite';");
  });

  it('an unknown key in the config: exit 2 naming the key and the file', async () => {
    const cwd = tempProject('tpl-small');
    writeFileSync(join(cwd, 'idemgen.config.yaml'), 'spec: openapi.yaml\nout: gen\noutput: x\n');
    const run = await runCli(['generate'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Invalid config ${join(cwd, 'idemgen.config.yaml')}:`);
    expect(run.stderr).toContain('unknown key "output"');
  });

  it('--config names the file explicitly', async () => {
    const cwd = tempProject('tpl-small');
    writeFileSync(
      join(cwd, 'other.json'),
      JSON.stringify({ spec: 'openapi.yaml', out: 'o', target: 'client' }),
    );
    expect((await runCli(['generate', '--config', 'other.json', '--runtime', 'package'], { cwd })).code).toBe(
      0,
    );
    expect(existsSync(join(cwd, 'o/client/index.ts'))).toBe(true);
  });
});

describe('idemgen init', () => {
  it('writes a JSON config and the example spec that generate then uses', async () => {
    const cwd = tempProject();
    const run = await runCli(['init', 'app'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'wrote app/idemgen.config.json\nwrote app/openapi.yaml\nNext: cd app && npx idemgen generate\n',
    );
    expect(readFileSync(join(cwd, 'app/openapi.yaml'), 'utf8')).toMatch(
      /^# An example spec annotated for idemgen/,
    );
    const generated = await runCli(['generate', '--runtime', 'package'], { cwd: join(cwd, 'app') });
    expect(generated.code, generated.stdout).toBe(0);
    expect(existsSync(join(cwd, 'app/src/generated/client/index.ts'))).toBe(true);
  });

  it('--format mjs; refuses to overwrite without --force', async () => {
    const cwd = tempProject();
    expect((await runCli(['init', '--format', 'mjs'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'idemgen.config.mjs'), 'utf8')).toContain(
      "import { defineConfig } from 'idemgen';",
    );
    writeFileSync(join(cwd, 'openapi.yaml'), 'mine\n');
    const again = await runCli(['init', '--format', 'mjs'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'idemgen: not overwriting idemgen.config.mjs, openapi.yaml; use --force to replace.\n',
    );
    expect(readFileSync(join(cwd, 'openapi.yaml'), 'utf8')).toBe('mine\n');
    expect((await runCli(['init', '--format', 'mjs', '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'openapi.yaml'), 'utf8')).not.toBe('mine\n');
  });
});
