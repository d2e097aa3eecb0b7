/**
 * examples/vite-app with idemgen's Vite plugin as a user installs it (`idemgen/vite` from a built copy of
 * the package): `vite build` generates the client and bundles it; the dev server (on 127.0.0.1) serves the
 * page, regenerates when the spec changes, and shows a broken spec's errors (the overlay's 500) until fixed.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPackage } from '../cli/support/build-package.js';

const REPO = resolve(import.meta.dirname, '../..');
const work = join(REPO, 'test/.out/vite-app');
const app = join(work, 'app');
const specFile = join(app, 'openapi.yaml');
let server: ViteDevServer | undefined;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  buildPackage(join(work, 'pkg'));
  cpSync(join(REPO, 'examples/vite-app'), app, {
    recursive: true,
    filter: (src) => !src.includes('generated'),
  });
  // What `npm install` gives the example: node_modules/idemgen is the package (vite resolves from the repo).
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  symlinkSync(join(work, 'pkg'), join(app, 'node_modules/idemgen'), 'dir');
}, 240_000);

afterAll(async () => {
  await server?.close();
});

describe('examples/vite-app', () => {
  it('vite build generates the client first and bundles it', async () => {
    await build({ root: app, configFile: join(app, 'vite.config.ts'), logLevel: 'silent' });
    expect(existsSync(join(app, 'src/generated/client/index.ts'))).toBe(true);
    const assets = join(app, 'dist/assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const bundle = js.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
    expect(bundle).toContain('/tasks');
    expect(readFileSync(join(app, 'dist/index.html'), 'utf8')).toContain('<main id="app">');
  }, 120_000);

  it('the dev server regenerates when the spec changes and reports a broken spec until it is fixed', async () => {
    rmSync(join(app, 'src/generated'), { recursive: true, force: true });
    server = await createServer({
      root: app,
      configFile: join(app, 'vite.config.ts'),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await server.listen();
    const base = server.resolvedUrls?.local[0];
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const get = async (path: string) => {
      const response = await fetch(new URL(path, base));
      return { status: response.status, text: await response.text() };
    };
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/src/main.ts');
    const client = await get('/src/generated/client/tasks.ts');
    expect(client.status).toBe(200);
    expect(client.text).toContain('listTasks');
    expect(client.text).not.toContain('archiveTask');

    // A new operation in the spec: the plugin regenerates, and the dev server serves the new client.
    const spec = readFileSync(specFile, 'utf8');
    const added = spec.replace(
      'components:',
      [
        '  /tasks/{taskId}/archive:',
        '    post:',
        '      operationId: archiveTask',
        '      tags: [tasks]',
        '      parameters: [{ name: taskId, in: path, required: true, schema: { type: string } }]',
        "      responses: { '204': { description: Archived. } }",
        'components:',
      ].join('\n'),
    );
    // Each wait writes the file again: a watcher that was not ready for the first write sees a later one.
    await vi.waitFor(
      async () => {
        writeFileSync(specFile, added);
        expect((await get('/src/generated/client/tasks.ts')).text).toContain('archiveTask');
      },
      { timeout: 60_000, interval: 500 },
    );

    // A broken spec: modules answer with idemgen's diagnostics (what the overlay shows), located.
    const broken = added.replace('x-retry: { maxAttempts: 3,', 'x-retry: { maxAttempts: -1,');
    await vi.waitFor(
      async () => {
        writeFileSync(specFile, broken);
        const main = await get(`/src/main.ts?t=${Date.now()}`);
        expect(main.status).toBe(500);
        expect(main.text).toMatch(/idemgen could not generate:[\s\S]*openapi\.yaml:6:\d+/);
      },
      { timeout: 60_000, interval: 500 },
    );

    await vi.waitFor(
      async () => {
        writeFileSync(specFile, added);
        expect((await get(`/src/main.ts?t=${Date.now()}`)).status).toBe(200);
      },
      { timeout: 60_000, interval: 500 },
    );
  }, 240_000);

  it('a dev server started on a broken spec still starts, and answers with the diagnostics', async () => {
    await server?.close();
    const spec = readFileSync(specFile, 'utf8');
    writeFileSync(specFile, spec.replace('x-retry: { maxAttempts: 3,', 'x-retry: { maxAttempts: -1,'));
    try {
      server = await createServer({
        root: app,
        configFile: join(app, 'vite.config.ts'),
        logLevel: 'silent',
        server: { host: '127.0.0.1', port: 0, strictPort: false },
      });
      await server.listen();
      const response = await fetch(new URL('/src/main.ts', server.resolvedUrls?.local[0]));
      expect(response.status).toBe(500);
      expect(await response.text()).toMatch(/idemgen could not generate:[\s\S]*openapi\.yaml:6:\d+/);
    } finally {
      writeFileSync(specFile, spec);
    }
  }, 120_000);
});
