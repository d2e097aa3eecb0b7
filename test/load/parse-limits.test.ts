/**
 * Bounded parsing: YAML aliases (count, expanded size, cycles) and nesting depth are limited, and every
 * limit is a located diagnostic, never a crash or a runaway.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { lint } from '../../src/lint.js';
import { loadSpec } from '../../src/load/load.js';
import { resolveSpecLimits } from '../../src/load/spec-limits.js';
import { FIXTURES } from './fixtures-dir.js';

/** JSON text of a spec whose request body schema nests `levels` `items` deep (one container per level). */
function deepSpec(levels: number): string {
  const schema = `${'{"type":"array","items":'.repeat(levels)}{"type":"string"}${'}'.repeat(levels)}`;
  return `{"openapi":"3.1.0","info":{"title":"deep","version":"1"},"paths":{"/a":{"post":{"operationId":"op","requestBody":{"content":{"application/json":{"schema":${schema}}}},"responses":{"200":{"description":"ok"}}}}}}`;
}
/** The document depth of `deepSpec(levels)`: root, paths, path item, post, requestBody, content, media type. */
const DEPTH_ABOVE_SCHEMA = 7;

describe('YAML aliases', () => {
  it('the alias bomb is refused quickly at an alias, with a hint', async () => {
    const started = performance.now();
    const { spec, diagnostics } = await loadSpec({ source: 'gen-hostile/alias-bomb.yaml', cwd: FIXTURES });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(spec).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-alias-limit', file: 'gen-hostile/alias-bomb.yaml' });
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(6);
    expect(diagnostics[0]?.hint).toMatch(/specLimits/);
  });

  it('the alias bomb through generate() is a diagnostic, not a crash', async () => {
    const result = await generate({ spec: 'gen-hostile/alias-bomb.yaml', cwd: FIXTURES });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(result.files).toEqual([]);
  });

  it('an alias cycle is refused', async () => {
    const { diagnostics } = await loadSpec({ source: 'gen-hostile/alias-cycle.yaml', cwd: FIXTURES });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'yaml-alias-cycle', line: 5 })]);
  });

  it('more aliases than maxAliases is refused; a spec with ordinary aliases loads', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `  /p${i}: *item`).join('\n');
    const text = `openapi: 3.1.0\ninfo: { title: t, version: "1" }\nx-item: &item { get: { responses: { "200": { description: ok } } } }\npaths:\n${aliases}\n`;
    const ok = await loadSpec({ source: '-', stdin: Readable.from([text]) });
    expect(ok.diagnostics).toEqual([]);
    expect(Object.keys(ok.spec?.document.paths ?? {})).toHaveLength(50);
    const capped = await loadSpec({ source: '-', stdin: Readable.from([text]), limits: { maxAliases: 10 } });
    expect(capped.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-alias-limit', line: 15 })]);
  });

  it('the expanded size counts against maxBytes', async () => {
    const text = `openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\nx-a: &a "${'x'.repeat(1000)}"\nx-b: [${Array(20).fill('*a').join(', ')}]\n`;
    const { diagnostics } = await loadSpec({
      source: '-',
      stdin: Readable.from([text]),
      limits: { maxBytes: 10_000 },
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(diagnostics[0]?.message).toMatch(/expand/);
  });
});

describe('nesting depth', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idemgen-deep-'));
    await writeFile(join(dir, 'deep-3000.json'), deepSpec(3000));
    await writeFile(join(dir, 'at-limit.json'), deepSpec(256 - DEPTH_ABOVE_SCHEMA - 1));
    await writeFile(join(dir, 'over-limit.json'), deepSpec(256 - DEPTH_ABOVE_SCHEMA));
    const yamlDeep = `openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\nx-deep: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    await writeFile(join(dir, 'deep.yaml'), yamlDeep);
    await writeFile(
      join(dir, 'outer.json'),
      deepSpec(1).replace('{"type":"string"}', '{"$ref":"./inner.json"}'),
    );
    await writeFile(join(dir, 'inner.json'), `${'{"items":'.repeat(250)}{}${'}'.repeat(250)}`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a schema nested 3,000 deep is spec-too-deep with the pointer of the too-deep node', async () => {
    const { spec, diagnostics } = await loadSpec({ source: join(dir, 'deep-3000.json') });
    expect(spec).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'spec-too-deep', line: 1 });
    expect((diagnostics[0]?.pointer ?? '').split('/').length - 1).toBe(256);
    expect(diagnostics[0]?.hint).toMatch(/specLimits\.maxDepth/);
  });

  it('YAML nested 3,000 deep is spec-too-deep, not a crash', async () => {
    const { diagnostics } = await loadSpec({ source: join(dir, 'deep.yaml') });
    expect(diagnostics.map((d) => d.code)).toEqual(['spec-too-deep']);
  });

  it('a document at the limit loads; one level more does not', async () => {
    expect((await loadSpec({ source: join(dir, 'at-limit.json') })).diagnostics).toEqual([]);
    const over = await loadSpec({ source: join(dir, 'over-limit.json') });
    expect(over.diagnostics.map((d) => d.code)).toEqual(['spec-too-deep']);
  });

  it('maxDepth changes the limit', async () => {
    const { diagnostics } = await loadSpec({ source: join(dir, 'at-limit.json'), limits: { maxDepth: 50 } });
    expect((diagnostics[0]?.pointer ?? '').split('/').length - 1).toBe(50);
  });

  it('depth added by bundling an external file is checked too', async () => {
    const { diagnostics } = await loadSpec({ source: join(dir, 'outer.json') });
    expect(diagnostics.map((d) => d.code)).toEqual(['spec-too-deep']);
    expect(diagnostics[0]?.file).toBe(join(dir, 'inner.json'));
  });

  it('literal data (an example) deepened by bundling is checked too', async () => {
    const example = `${'{"a":'.repeat(240)}1${'}'.repeat(240)}`;
    await writeFile(join(dir, 'inner-example.json'), `{"type":"object","example":${example}}`);
    await writeFile(
      join(dir, 'outer-example.json'),
      deepSpec(20).replace('{"type":"string"}', '{"$ref":"./inner-example.json"}'),
    );
    const { diagnostics } = await loadSpec({ source: join(dir, 'outer-example.json') });
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['spec-too-deep', join(dir, 'inner-example.json')],
    ]);
    expect(diagnostics[0]?.pointer.startsWith('/example/a/a')).toBe(true);
  });

  it('lint() and generate() end cleanly just under the limit and over it', async () => {
    const under = await generate({ spec: join(dir, 'at-limit.json'), responseValidators: true });
    expect(under.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(under.files.some((f) => f.path === 'schema.ts')).toBe(true);
    const over = await generate({ spec: join(dir, 'deep-3000.json') });
    expect(over.diagnostics.map((d) => d.code)).toEqual(['spec-too-deep']);
    const linted = await lint({ spec: join(dir, 'deep-3000.json') });
    expect(linted.usable).toBe(false);
  }, 60_000);
});

describe('resolveSpecLimits', () => {
  it('fills in defaults, ignores what is not a number and caps maxDepth', () => {
    expect(resolveSpecLimits(undefined)).toEqual({
      maxBytes: 64 * 1024 * 1024,
      maxAliases: 10_000,
      maxDepth: 256,
    });
    expect(resolveSpecLimits({ maxDepth: Number.NaN, maxAliases: 0 })).toMatchObject({
      maxDepth: 256,
      maxAliases: 0,
    });
    expect(resolveSpecLimits({ maxDepth: 1e9 }).maxDepth).toBe(4096);
  });
});
