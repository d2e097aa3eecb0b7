import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { GENERATOR_MODULE_NAMES } from '../../src/model/generator-names.js';
import { assignModuleNames, tagToModuleBase } from '../../src/model/module-names.js';

const op = (tag: string | undefined, n: number) => ({
  id: `op${n}`,
  method: 'get',
  path: `/p${n}`,
  pointer: `/paths/~1p${n}/get`,
  tags: tag === undefined ? [] : [tag],
});

function namesOf(tags: Array<string | undefined>): Record<string, string> {
  const { names } = assignModuleNames(tags.map(op));
  return Object.fromEntries([...names].map(([tag, name]) => [tag ?? '(untagged)', name]));
}

describe('tagToModuleBase', () => {
  it.each([
    ['PetStore', 'pet-store'],
    ['pet store', 'pet-store'],
    ["evil'; tag\n */", 'evil-tag'],
    ['!!!', 'ops'],
    ['v2Beta', 'v2-beta'],
    [`${'a'.repeat(63)}--b`, 'a'.repeat(63)],
  ])('%j -> %s', (tag, base) => {
    expect(tagToModuleBase(tag)).toBe(base);
  });
});

describe('assignModuleNames', () => {
  it('never takes a file name the generator writes itself, nor a Windows device name', () => {
    expect(namesOf(['Routes', 'validators', 'Index', 'CON', 'aux'])).toEqual({
      Routes: 'routes-ops',
      validators: 'validators-ops',
      Index: 'index-ops',
      CON: 'con-ops',
      aux: 'aux-ops',
    });
    expect(GENERATOR_MODULE_NAMES).toEqual(['index', 'routes', 'validators']);
  });

  it('gives tags differing in case or punctuation distinct names; the exact kebab tag keeps the plain one', () => {
    expect(namesOf(['Pets', 'pets', 'PETS', 'pet-store', 'PetStore', 'pet store'])).toEqual({
      pets: 'pets',
      PETS: 'pets-2',
      Pets: 'pets-3',
      'pet-store': 'pet-store',
      PetStore: 'pet-store-2',
      'pet store': 'pet-store-3',
    });
  });

  it('keeps untagged operations in default, and renames a tag named default', () => {
    expect(namesOf(['default', undefined, 'Default'])).toEqual({
      '(untagged)': 'default',
      Default: 'default-2',
      default: 'default-3',
    });
  });

  it('skips a suffixed name another tag has as its own', () => {
    expect(namesOf(['Pets', 'pets-2', 'pets'])).toEqual({ pets: 'pets', 'pets-2': 'pets-2', Pets: 'pets-3' });
    expect(namesOf(['routes-ops', 'Routes'])).toEqual({ 'routes-ops': 'routes-ops', Routes: 'routes-ops-2' });
  });

  it('depends on the set of tags only: same names in any order, unrelated tags change nothing', () => {
    const tags = ['Pets', 'pets', 'Routes', 'Orders', undefined];
    const forward = namesOf(tags);
    expect(namesOf([...tags].reverse())).toEqual(forward);
    expect(namesOf([...tags, 'Invoices', 'Zebra'])).toMatchObject(forward);
  });

  it('warns at the first operation of each renamed tag, naming both names', () => {
    const { diagnostics } = assignModuleNames([op('pets', 0), op('Pets', 1), op('Pets', 2), op('Routes', 3)]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([
      ['name-renamed', 'warning', '/paths/~1p1/get/tags/0'],
      ['name-renamed', 'warning', '/paths/~1p3/get/tags/0'],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'GET /p1 (op1): the tag "Pets" is generated as the module "pets-2" (client/pets-2.ts, server/pets-2.ts): another tag also makes "pets" (module names ignore case and punctuation).',
    );
    expect(diagnostics[1]?.message).toContain('"routes-ops"');
    expect(diagnostics[1]?.message).toContain('the generator writes "routes" itself');
    const [device] = assignModuleNames([op('CON', 0)]).diagnostics;
    expect(device?.message).toContain('Windows reserves the file name "con"');
  });
});

describe('a tag too long for a file name', () => {
  it('is cut to 64 characters, so the module can be written (a file name has 255 bytes at most)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idemgen-long-tag-'));
    try {
      const tag = 'Long'.repeat(80);
      const paths = [0, 1].map(
        (i) =>
          `  /p${i}:\n    get:\n      operationId: op${i}\n      tags: [${tag}${i}]\n      responses: { '200': { description: ok } }`,
      );
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(spec, `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n${paths.join('\n')}\n`);
      const outDir = join(dir, 'out');
      const result = await generate({ spec, outDir, target: 'client', mode: 'write', checkSyntax: false });
      const base = tagToModuleBase(tag);
      expect(base).toHaveLength(64);
      expect(readdirSync(join(outDir, 'client')).sort()).toEqual(['index.ts', `${base}-2.ts`, `${base}.ts`]);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['name-renamed']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
