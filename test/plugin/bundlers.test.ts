/**
 * The bundler plugin under Rollup, esbuild and webpack (Vite has its own test, with the example app): the
 * build generates the client and server first, a spec with errors fails the build with idemgen's
 * diagnostics in the bundler's own error, and a warning reaches the bundler's log without failing it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { type RollupWatcherEvent, rollup, watch } from 'rollup';
import { describe, expect, it, vi } from 'vitest';
import webpack from 'webpack';
import esbuildPlugin from '../../src/plugin/esbuild.js';
import rollupPlugin from '../../src/plugin/rollup.js';
import webpackPlugin from '../../src/plugin/webpack.js';

const REPO = resolve(import.meta.dirname, '../..');

/** A project: the scaffold fixture's spec (or a broken one) and an entry that imports nothing generated. */
function project(name: string, spec = 'fixtures/scaffold-project/openapi.yaml'): string {
  const dir = join(REPO, 'test/.out/plugin', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO, spec), join(dir, 'openapi.yaml'));
  writeFileSync(join(dir, 'entry.js'), 'export const answer = 42;\n');
  return dir;
}

const BROKEN = 'fixtures/rule-unsafe-retry/openapi.yaml';
const options = (cwd: string) => ({ spec: 'openapi.yaml', outDir: 'generated', cwd });
const generated = (cwd: string) => existsSync(join(cwd, 'generated/client/index.ts'));

describe('the bundler plugin', () => {
  it('rollup: generates at build start; a spec with errors fails the build, located', async () => {
    const cwd = project('rollup');
    const bundle = await rollup({ input: join(cwd, 'entry.js'), plugins: [rollupPlugin(options(cwd))] });
    await bundle.close();
    expect(generated(cwd)).toBe(true);
    expect(readFileSync(join(cwd, 'generated/server/orders.ts'), 'utf8')).toContain('CreateOrderHandler');

    const broken = project('rollup-broken', BROKEN);
    const failure = rollup({ input: join(broken, 'entry.js'), plugins: [rollupPlugin(options(broken))] });
    await expect(failure).rejects.toThrow(/openapi\.yaml:8:\d+: .*\(unsafe-retry at #\/paths/);
    expect(generated(broken)).toBe(false);
  }, 120_000);

  it('rollup: a warning goes to the log and the build passes', async () => {
    const cwd = project('rollup-warning');
    const spec = readFileSync(join(cwd, 'openapi.yaml'), 'utf8');
    // A safe method with x-idempotency: the idempotency-on-safe-method rule warns.
    writeFileSync(
      join(cwd, 'openapi.yaml'),
      spec.replace('      operationId: getOrder\n', '      operationId: getOrder\n      x-idempotency: {}\n'),
    );
    const warnings: string[] = [];
    const bundle = await rollup({
      input: join(cwd, 'entry.js'),
      plugins: [rollupPlugin(options(cwd))],
      onwarn: (warning) => void warnings.push(warning.message),
    });
    await bundle.close();
    expect(warnings.join('\n')).toMatch(/\[idemgen\] openapi\.yaml:\d+:\d+: .*idempotency-on-safe-method/);
    expect(generated(cwd)).toBe(true);
  }, 120_000);

  it('rollup --watch: a change to the spec rebuilds, and the rebuild regenerates', async () => {
    const cwd = project('rollup-watch');
    const watcher = watch({
      input: join(cwd, 'entry.js'),
      plugins: [rollupPlugin(options(cwd))],
      watch: { skipWrite: true },
    });
    const ends: string[] = [];
    let starts = 0;
    let ended: () => void = () => {};
    watcher.on('event', (event: RollupWatcherEvent) => {
      if (event.code === 'BUNDLE_END') void event.result.close();
      if (event.code === 'START' && ends.length > 0) starts++;
      if (event.code === 'END' || event.code === 'ERROR') {
        ends.push(event.code);
        ended();
      }
    });
    const nextEnd = () => new Promise<void>((done) => (ended = done));
    try {
      await nextEnd();
      expect(readFileSync(join(cwd, 'generated/client/orders.ts'), 'utf8')).not.toContain('cancelOrder');
      const spec = readFileSync(join(cwd, 'openapi.yaml'), 'utf8');
      const changed = spec.replace(
        '    get:\n      operationId: getOrder',
        "    delete:\n      operationId: cancelOrder\n      tags: [orders]\n      responses: { '204': { description: Gone. } }\n    get:\n      operationId: getOrder",
      );
      const rebuilt = nextEnd();
      // Written again until the rebuild starts: rollup's file watcher may not be ready right after the build.
      await vi.waitFor(
        () => {
          writeFileSync(join(cwd, 'openapi.yaml'), changed);
          expect(ends.length + starts).toBeGreaterThan(1);
        },
        { timeout: 60_000, interval: 500 },
      );
      await rebuilt;
      expect(ends).toEqual(['END', 'END']);
      expect(readFileSync(join(cwd, 'generated/client/orders.ts'), 'utf8')).toContain('cancelOrder');
    } finally {
      await watcher.close();
    }
  }, 120_000);

  it('esbuild: generates, bundles the generated client; errors come back as esbuild messages', async () => {
    const cwd = project('esbuild');
    writeFileSync(join(cwd, 'entry.ts'), "export * from './generated/client/index.ts';\n");
    const result = await esbuild.build({
      entryPoints: [join(cwd, 'entry.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      logLevel: 'silent',
      plugins: [esbuildPlugin(options(cwd))],
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]?.text).toContain('createOrder');

    const broken = project('esbuild-broken', BROKEN);
    const failure = esbuild.build({
      entryPoints: [join(broken, 'entry.js')],
      write: false,
      logLevel: 'silent',
      plugins: [esbuildPlugin(options(broken))],
    });
    const error = (await failure.catch((e: unknown) => e)) as esbuild.BuildFailure;
    expect(error.errors.length).toBe(2);
    expect(error.errors[0]?.text).toContain('unsafe-retry');
    expect(error.errors[0]?.location).toMatchObject({ file: 'openapi.yaml', line: 8 });
  }, 120_000);

  it('webpack: generates at build start; a spec with errors fails the compilation', async () => {
    const run = (cwd: string) =>
      new Promise<webpack.Stats>((done, fail) => {
        webpack(
          {
            mode: 'production',
            context: cwd,
            entry: join(cwd, 'entry.js'),
            output: { path: join(cwd, 'dist') },
            plugins: [webpackPlugin(options(cwd))],
          },
          (error, stats) => (error || !stats ? fail(error) : done(stats)),
        );
      });
    const cwd = project('webpack');
    const stats = await run(cwd);
    expect(stats.hasErrors(), stats.toString()).toBe(false);
    expect(generated(cwd)).toBe(true);

    const broken = project('webpack-broken', BROKEN);
    const failed = await run(broken).then(
      (s) => s.toString({ all: false, errors: true }),
      (e: unknown) => String(e),
    );
    expect(failed).toMatch(/idemgen could not generate:[\s\S]*unsafe-retry/);
  }, 120_000);

  it('webpack watch: a change to the spec recompiles, and the compilation regenerates', async () => {
    const cwd = project('webpack-watch');
    const compiler = webpack({
      mode: 'development',
      context: cwd,
      entry: join(cwd, 'entry.js'),
      output: { path: join(cwd, 'dist') },
      plugins: [webpackPlugin(options(cwd))],
    });
    let compilations = 0;
    const watching = compiler.watch({}, (error) => {
      if (!error) compilations++;
    });
    try {
      // At least one: webpack may compile twice at start (the generated files are written during the first).
      await vi.waitFor(() => expect(compilations).toBeGreaterThanOrEqual(1), {
        timeout: 60_000,
        interval: 200,
      });
      const before = compilations;
      const spec = readFileSync(join(cwd, 'openapi.yaml'), 'utf8');
      const changed = spec.replace('summary: Read an order', 'summary: Read one order');
      await vi.waitFor(
        () => {
          writeFileSync(join(cwd, 'openapi.yaml'), changed); // again until the watcher sees it
          expect(readFileSync(join(cwd, 'generated/client/orders.ts'), 'utf8')).toContain('Read one order');
        },
        { timeout: 60_000, interval: 500 },
      );
      await vi.waitFor(() => expect(compilations).toBeGreaterThan(before), {
        timeout: 60_000,
        interval: 200,
      });
    } finally {
      if (watching) await new Promise<void>((done) => watching.close(() => done()));
    }
  }, 120_000);
});
