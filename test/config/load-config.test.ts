/** Config files: found upward, loaded by extension, validated (unknown keys name the key and the file). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/find-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { tempProject } from './temp-project.js';

const REPO_SRC = new URL('../../src/index.ts', import.meta.url).href;

const CASES = [
  { file: 'idemgen.config.json', text: '{ "spec": "api.yaml", "out": "gen", "target": "client" }' },
  { file: 'idemgen.config.yaml', text: 'spec: api.yaml\nout: gen\ntarget: client\n' },
  {
    file: 'idemgen.config.mjs',
    text: "export default { spec: 'api.yaml', out: 'gen', target: 'client' };\n",
  },
  {
    file: 'idemgen.config.ts',
    text: `import { defineConfig } from '${REPO_SRC}';\nconst target: 'client' = 'client';\nexport default defineConfig({ spec: 'api.yaml', out: 'gen', target });\n`,
  },
] as const;

describe('loadConfig', () => {
  it.each(CASES)('$file', async ({ file, text }) => {
    const dir = tempProject();
    writeFileSync(join(dir, file), text);
    const loaded = await loadConfig(join(dir, file));
    expect(loaded.file).toBe(join(dir, file));
    expect(loaded.config).toEqual({ spec: 'api.yaml', out: 'gen', target: 'client' });
  });

  it.each([
    {
      name: 'an unknown key',
      text: '{ "spec": "a", "out": "b", "outDir": "c" }',
      message: 'unknown key "outDir" at (top level)',
    },
    {
      name: 'an unknown key in a project',
      text: '{ "projects": [{ "spec": "a", "out": "b", "tagret": "client" }] }',
      message: 'unknown key "tagret" at /projects/0 (did you mean "target"?)',
    },
    {
      name: 'a bad value',
      text: '{ "spec": "a", "out": "b", "target": "all" }',
      message: '/target: must be one of "client", "server", "both"',
    },
    {
      name: 'an unknown rule',
      text: '{ "spec": "a", "out": "b", "rules": { "unsafe-retyr": "off" } }',
      message: 'unknown rule "unsafe-retyr" in rules (did you mean "unsafe-retry"?)',
    },
    { name: 'spec without out', text: '{ "spec": "a" }', message: 'sets both "spec" and "out", or neither' },
    {
      name: 'a project without out',
      text: '[{ "spec": "a" }]',
      message: "/0: must have required property 'out'",
    },
    { name: 'broken JSON', text: '{ "spec": ', message: 'Cannot parse config file' },
  ])('rejects $name, naming the file', async ({ text, message }) => {
    const dir = tempProject();
    const file = join(dir, 'idemgen.config.json');
    writeFileSync(file, text);
    await expect(loadConfig(file)).rejects.toThrow(message);
    await expect(loadConfig(file)).rejects.toThrow(file);
  });

  it('rejects a helper that is not a function', async () => {
    const dir = tempProject();
    const file = join(dir, 'idemgen.config.yaml');
    writeFileSync(file, 'spec: a\nout: b\nhelpers:\n  shout: yes\n');
    await expect(loadConfig(file)).rejects.toThrow('helper "shout" must be a function');
  });

  it('a module without a default export', async () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'idemgen.config.mjs'), 'export const x = 1;\n');
    await expect(loadConfig(join(dir, 'idemgen.config.mjs'))).rejects.toThrow('has no default export');
  });
});

describe('findConfig', () => {
  it('finds the nearest config upward, and nothing where there is none', () => {
    const root = tempProject();
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    writeFileSync(join(root, 'idemgen.config.json'), '{}');
    writeFileSync(join(root, 'a/idemgen.config.yaml'), '{}');
    expect(findConfig(join(root, 'a/b/c'))).toBe(join(root, 'a/idemgen.config.yaml'));
    expect(findConfig(root)).toBe(join(root, 'idemgen.config.json'));
  });

  it('two config files side by side are an error', () => {
    const root = tempProject();
    writeFileSync(join(root, 'idemgen.config.json'), '{}');
    writeFileSync(join(root, 'idemgen.config.mjs'), 'export default {};');
    expect(() => findConfig(root)).toThrow(
      'Found more than one config file: idemgen.config.mjs and idemgen.config.json',
    );
  });
});
