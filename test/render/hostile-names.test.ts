/**
 * A spec whose names collide with the generator's own (fixtures/gen-hostile-names): tags named like the
 * generator's files (`Routes`, `validators`, `Index`) or like each other but for case (`Pets`, `pets`), and
 * operationIds that break a module namespace or an object (`then`, `constructor`, `__proto__`, ...). The
 * output is generated into a temporary directory, type-checked, loaded, and its client talks to its server
 * over a real socket.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateResult, generate } from '../../src/generate.js';
import { typecheckDir } from '../helpers/typecheck-dir.js';

const SPEC = 'fixtures/gen-hostile-names/openapi.yaml';
let outDir: string;
let result: GenerateResult;

beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  outDir = mkdtempSync(resolve('test/.out', 'hostile-names-'));
  result = await generate({ spec: SPEC, outDir, target: 'both', mode: 'write' });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Settles with the import, or rejects after `ms` (a thenable namespace never settles). */
function importWithin(file: string, ms: number): Promise<Record<string, unknown>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`import(${file}) did not settle in ${ms} ms`)), ms);
  });
  return Promise.race([import(pathToFileURL(join(outDir, file)).href), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

describe('names that collide with the generator', () => {
  it('generates, with a name-renamed warning at each renamed tag and operationId', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const renamed = result.diagnostics
      .filter((d) => d.code === 'name-renamed')
      .map((d) => ({ pointer: d.pointer, line: d.line, severity: d.severity }));
    expect(renamed).toEqual([
      { pointer: '/paths/~1routes/get/tags/0', line: 9, severity: 'warning' },
      { pointer: '/paths/~1validators/get/tags/0', line: 15, severity: 'warning' },
      { pointer: '/paths/~1index/get/tags/0', line: 21, severity: 'warning' },
      { pointer: '/paths/~1pets-upper/get/tags/0', line: 27, severity: 'warning' },
      { pointer: '/paths/~1then/get/operationId', line: 38, severity: 'warning' },
      { pointer: '/paths/~1constructor/get/operationId', line: 43, severity: 'warning' },
      { pointer: '/paths/~1to-string/get/operationId', line: 48, severity: 'warning' },
      { pointer: '/paths/~1proto/get/operationId', line: 53, severity: 'warning' },
      { pointer: '/paths/~1value-of/get/operationId', line: 58, severity: 'warning' },
      { pointer: '/paths/~1has-own-property/get/operationId', line: 63, severity: 'warning' },
    ]);
    const routes = result.diagnostics.find((d) => d.pointer === '/paths/~1routes/get/tags/0');
    expect(routes?.message).toContain('"Routes"');
    expect(routes?.message).toContain('"routes-ops"');
    expect(routes?.column).toBeGreaterThan(0);
    const then = result.diagnostics.find((d) => d.pointer === '/paths/~1then/get/operationId');
    expect(then?.message).toContain('"then_"');
  });

  it("never writes over the generator's files, and gives tags differing in case distinct files", () => {
    const client = readdirSync(join(outDir, 'client')).sort();
    const server = readdirSync(join(outDir, 'server')).sort();
    const modules = [
      'default.ts',
      'index-ops.ts',
      'pets-2.ts',
      'pets.ts',
      'routes-ops.ts',
      'validators-ops.ts',
    ];
    expect(client).toEqual(['index.ts', ...modules].sort());
    expect(server).toEqual(
      ['index.ts', 'routes.d.ts', 'routes.js', 'validators.d.ts', 'validators.js', ...modules].sort(),
    );
    const lower = new Set(client.map((f) => f.toLowerCase()));
    expect(lower.size).toBe(client.length);
  });

  it('compiles under tsc --strict', () => {
    expect(typecheckDir(outDir)).toEqual([]);
  }, 60_000);

  it('loads, and its client calls its server by the renamed operations over HTTP', async () => {
    const client = await importWithin('client/index.ts', 5_000);
    const server = await importWithin('server/index.ts', 5_000);
    expect(typeof client.then).toBe('undefined');
    expect(typeof client.then_).toBe('function');
    expect(Object.hasOwn(client, 'constructor_')).toBe(true);
    const ok = (body: string) => () => ({ status: 200, body });
    const app = (server.createServer as (o: object) => unknown)({
      handlers: { then_: ok('then'), constructor_: ok('constructor'), listPetsLower: ok('pets') },
      logger: { error: () => {} },
    });
    const http = createServer((server.toNodeHandler as (a: unknown) => never)(app));
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    try {
      const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      const api = (client.createClient as (o: object) => unknown)({ baseUrl });
      type Call = (c: unknown, input?: object) => Promise<{ ok: boolean; status?: number }>;
      const call = (name: string) => (client[name] as Call)(api, {});
      expect(await call('then_')).toMatchObject({ ok: true, status: 200 });
      expect(await call('constructor_')).toMatchObject({ ok: true, status: 200 });
      expect(await call('listPetsLower')).toMatchObject({ ok: true, status: 200 });
      const missing = await fetch(`${baseUrl}/to-string`);
      expect(missing.status).toBe(501);
    } finally {
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
    }
  }, 30_000);
});
