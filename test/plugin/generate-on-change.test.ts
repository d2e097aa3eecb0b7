/**
 * The plugin's generator: it generates on the first run, skips a run when no spec file changed, regenerates
 * when the root document or a file its `$ref`s reach changes, and runs one generation at a time.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratePhase } from '../../src/generate.js';
import { createSpecGenerator } from '../../src/plugin/generate-on-change.js';

const REPO = resolve(import.meta.dirname, '../..');

function multiFileProject(): string {
  const dir = join(REPO, 'test/.out/plugin/multi-file');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(REPO, 'fixtures/load-multi-file'), dir, { recursive: true });
  return dir;
}

describe('createSpecGenerator', () => {
  it('regenerates only when the spec or a $ref-ed file changed', async () => {
    const cwd = multiFileProject();
    const phases: GeneratePhase[] = [];
    const generator = createSpecGenerator({
      spec: 'openapi.yaml',
      outDir: 'out',
      target: 'client',
      cwd,
      onPhase: (phase) => phases.push(phase),
    });
    const generations = () => phases.filter((p) => p === 'loading').length;

    expect((await generator.run()).errors).toEqual([]);
    expect(generations()).toBe(1);
    expect(generator.files().sort()).toEqual(
      [join(cwd, 'openapi.yaml'), join(cwd, 'parameters.yaml'), join(cwd, 'schemas/order.yaml')].sort(),
    );
    expect(generator.watches('schemas/order.yaml')).toBe(true);
    expect(generator.watches('elsewhere.yaml')).toBe(false);

    await generator.run();
    expect(generations()).toBe(1); // nothing changed

    // A file reached through a $ref changes: regenerated, and the new field is in the types.
    const order = join(cwd, 'schemas/order.yaml');
    writeFileSync(
      order,
      readFileSync(order, 'utf8').replace('properties:', 'properties:\n  memo: { type: string }'),
    );
    await generator.run();
    expect(generations()).toBe(2);
    expect(readFileSync(join(cwd, 'out/schema.ts'), 'utf8')).toContain('memo?: string');

    await generator.run(true); // forced
    expect(generations()).toBe(3);
  }, 60_000);

  it('runs one generation at a time: concurrent calls share it', async () => {
    const cwd = multiFileProject();
    let generations = 0;
    const generator = createSpecGenerator({
      spec: 'openapi.yaml',
      outDir: 'out',
      target: 'client',
      cwd,
      onPhase: (phase) => void (phase === 'loading' && generations++),
    });
    const reports = await Promise.all([generator.run(), generator.run(), generator.run()]);
    expect(generations).toBe(1);
    expect(reports.map((r) => r.errors)).toEqual([[], [], []]);
  }, 60_000);

  it('keeps reporting a spec that does not load, and watches its path for the fix', async () => {
    const cwd = multiFileProject();
    const generator = createSpecGenerator({ spec: 'missing.yaml', outDir: 'out', cwd });
    const report = await generator.run();
    expect(report.errors[0]?.text).toMatch(/^\[idemgen\] missing\.yaml: .*\(file-not-found\)/);
    expect(generator.files()).toEqual([join(cwd, 'missing.yaml')]);
  }, 60_000);
});
