/** Config + flags -> projects: flags win, config paths are relative to the config file, shared settings merge. */
import { describe, expect, it } from 'vitest';
import { resolveProjects } from '../../src/config/resolve-projects.js';
import type { IdemgenConfig } from '../../src/config/types.js';

const loaded = (config: IdemgenConfig) => ({ file: '/proj/idemgen.config.json', config });

describe('resolveProjects', () => {
  it('one project from the config, paths relative to the config file', () => {
    const [project, ...rest] = resolveProjects({
      loaded: loaded({ spec: 'api.yaml', out: 'gen', templates: 'tpl', rules: { 'unsafe-retry': 'warn' } }),
      flags: {},
      cwd: '/proj/sub',
    });
    expect(rest).toEqual([]);
    expect(project).toMatchObject({
      spec: '/proj/api.yaml',
      outDir: '/proj/gen',
      templates: '/proj/tpl',
      target: 'both',
      runtime: 'copy',
      clean: false,
      rules: { 'unsafe-retry': 'warning' },
    });
  });

  it('flags override the file; flag paths are relative to the working directory', () => {
    const [project] = resolveProjects({
      loaded: loaded({ spec: 'api.yaml', out: 'gen', target: 'client', rules: { 'unsafe-retry': 'warn' } }),
      flags: {
        out: 'elsewhere',
        target: 'server',
        runtime: 'package',
        clean: true,
        rules: { 'unsafe-retry': 'off' },
      },
      cwd: '/proj/sub',
    });
    expect(project).toMatchObject({
      spec: '/proj/api.yaml',
      outDir: '/proj/sub/elsewhere',
      target: 'server',
      runtime: 'package',
      clean: true,
      rules: { 'unsafe-retry': 'off' },
    });
  });

  it('responseValidators: off by default, from the file (shared or per project), the flag wins', () => {
    const config = loaded({
      responseValidators: true,
      projects: [
        { spec: 'a.yaml', out: 'gen/a' },
        { spec: 'b.yaml', out: 'gen/b', responseValidators: false },
      ],
    });
    const fromFile = resolveProjects({ loaded: config, flags: {}, cwd: '/proj' });
    expect(fromFile.map((p) => p.responseValidators)).toEqual([true, false]);
    const flagged = resolveProjects({ loaded: config, flags: { responseValidators: false }, cwd: '/proj' });
    expect(flagged.map((p) => p.responseValidators)).toEqual([false, false]);
    const plain = resolveProjects({
      loaded: loaded({ spec: 'a.yaml', out: 'gen' }),
      flags: {},
      cwd: '/proj',
    });
    expect(plain[0]!.responseValidators).toBe(false);
  });

  it('several projects share top-level settings; a project overrides them', () => {
    const projects = resolveProjects({
      loaded: loaded({
        runtime: 'package',
        store: 'sqlite',
        projects: [
          { spec: 'a.yaml', out: 'gen/a', target: 'client' },
          { spec: 'b.yaml', out: 'gen/b', runtime: 'copy', adapter: 'express' },
        ],
      }),
      flags: {},
      cwd: '/proj',
    });
    expect(
      projects.map((p) => [p.spec, p.outDir, p.target, p.runtime, p.choices.store, p.choices.adapter]),
    ).toEqual([
      ['/proj/a.yaml', '/proj/gen/a', 'client', 'package', 'sqlite', undefined],
      ['/proj/b.yaml', '/proj/gen/b', 'both', 'copy', 'sqlite', 'express'],
    ]);
  });

  it('a spec on the command line selects the matching project, or stands alone with the shared settings', () => {
    const config = loaded([
      { spec: 'a.yaml', out: 'gen/a' },
      { spec: 'b.yaml', out: 'gen/b' },
    ]);
    expect(
      resolveProjects({ loaded: config, flags: { spec: '../b.yaml' }, cwd: '/proj/x' }).map((p) => p.outDir),
    ).toEqual(['/proj/gen/b']);
    expect(() => resolveProjects({ loaded: config, flags: { spec: 'c.yaml' }, cwd: '/proj' })).toThrow(
      'Name an output directory',
    );
    expect(
      resolveProjects({ loaded: config, flags: { spec: 'c.yaml', out: 'o' }, cwd: '/proj' })[0]?.spec,
    ).toBe('/proj/c.yaml');
  });

  it('URLs and stdin are kept as they are', () => {
    const flags = { out: 'o' };
    expect(
      resolveProjects({ flags: { ...flags, spec: 'https://x.test/api.yaml' }, cwd: '/p' })[0]?.spec,
    ).toBe('https://x.test/api.yaml');
    expect(resolveProjects({ flags: { ...flags, spec: '-' }, cwd: '/p' })[0]?.spec).toBe('-');
  });
});
