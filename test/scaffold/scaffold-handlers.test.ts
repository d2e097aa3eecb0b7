/**
 * `scaffoldHandlers()` round trips on a fixture project: stubs that type-check against the generated server,
 * a spec that gains operations (the user's edits survive byte for byte), one that loses one (reported, not
 * deleted), and runs that have nothing to do (nothing changes).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generate } from '../../src/generate.js';
import { scaffoldHandlers } from '../../src/scaffold/scaffold-handlers.js';
import { typecheckStrictest } from '../helpers/strictest.js';

const REPO = resolve(import.meta.dirname, '../..');
const project = join(REPO, 'test/.out/scaffold-project');
const handlersDir = join(project, 'src/handlers');
const read = (file: string) => readFileSync(join(handlersDir, file), 'utf8');
const write = (file: string, text: string) => writeFileSync(join(handlersDir, file), text);

type Spec = { paths: Record<string, Record<string, unknown>> };
const readSpec = () => parse(readFileSync(join(project, 'openapi.yaml'), 'utf8')) as Spec;
const writeSpec = (spec: Spec) => writeFileSync(join(project, 'openapi.yaml'), stringify(spec));

async function regenerate() {
  const result = await generate({
    spec: 'openapi.yaml',
    cwd: project,
    outDir: 'src/generated',
    target: 'server',
    mode: 'write',
  });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

const scaffold = () => scaffoldHandlers({ spec: 'openapi.yaml', cwd: project, outDir: 'src/handlers' });

/** True when `after` is `before` with text inserted: every character of `before` is still there, in order. */
function onlyInsertions(before: string, after: string): boolean {
  let at = 0;
  for (const char of before) {
    at = after.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

const USER_BODY = `async (request) => {
    // The user's code, with its own style:   spacing, "quotes" and all.
    const order = { id: 'o-1', sku: request.body.sku };
    return { status: 201, body: order };
}`;
const USER_HELPER = '\nexport function priceOf(sku: string): number { return sku.length * 100 }\n';

beforeAll(async () => {
  rmSync(project, { recursive: true, force: true });
  cpSync(join(REPO, 'fixtures/scaffold-project'), project, { recursive: true });
  await regenerate();
}, 120_000);

describe('idemgen scaffold handlers (programmatic)', () => {
  it('writes one typed stub per operation, per tag module, wired into index.ts; the project type-checks under the strictest flags', async () => {
    const result = await scaffold();
    expect(result.usable).toBe(true);
    expect(result.stubbed).toEqual(['createOrder', 'getOrder']);
    expect(result.files.map((f) => [f.path.slice(handlersDir.length + 1), f.created])).toEqual([
      ['orders.ts', true],
      ['index.ts', true],
    ]);
    expect(read('orders.ts')).toContain(
      'export const createOrder: server.CreateOrderHandler = async (_request) => {',
    );
    expect(read('orders.ts')).toContain('import type * as server from "../generated/server/index.js";');
    expect(read('index.ts')).toContain('createOrder: ordersHandlers.createOrder,');
    expect(read('index.ts')).toContain('} satisfies Handlers;');
    expect(typecheckStrictest(project, 'NodeNext')).toEqual([]);
  }, 120_000);

  it('a second run changes nothing', async () => {
    const before = { orders: read('orders.ts'), index: read('index.ts') };
    const result = await scaffold();
    expect(result.files).toEqual([]);
    expect(result.stubbed).toEqual([]);
    expect({ orders: read('orders.ts'), index: read('index.ts') }).toEqual(before);
  }, 60_000);

  it('adds stubs for new operations and keeps the user code byte for byte', async () => {
    // The user implements createOrder and adds a helper.
    const stub = read('orders.ts');
    const start = stub.indexOf('async (_request) => {');
    const end = stub.indexOf('};', start) + 1;
    write('orders.ts', `${stub.slice(0, start)}${USER_BODY}${stub.slice(end)}${USER_HELPER}`);
    const before = { orders: read('orders.ts'), index: read('index.ts') };
    expect(typecheckStrictest(project, 'NodeNext')).toEqual([]);

    // The spec gains an operation in the same tag and one in a new tag.
    const spec = readSpec();
    spec.paths['/orders/{orderId}']!.delete = {
      operationId: 'cancelOrder',
      tags: ['orders'],
      responses: { '204': { description: 'Cancelled.' } },
    };
    spec.paths['/stock'] = {
      get: { operationId: 'listStock', tags: ['stock'], responses: { '200': { description: 'Stock.' } } },
    };
    writeSpec(spec);
    await regenerate();
    const result = await scaffold();
    expect(result.stubbed).toEqual(['cancelOrder', 'listStock']);

    const orders = read('orders.ts');
    expect(orders.startsWith(before.orders)).toBe(true); // appended only
    expect(orders.slice(before.orders.length)).toContain(
      'export const cancelOrder: server.CancelOrderHandler',
    );
    expect(orders).toContain(USER_BODY);
    expect(read('stock.ts')).toContain('export const listStock: server.ListStockHandler');
    const index = read('index.ts');
    expect(onlyInsertions(before.index, index)).toBe(true);
    expect(index).toContain('import * as stockHandlers from "./stock.js";');
    expect(index).toContain('cancelOrder: ordersHandlers.cancelOrder,');
    expect(typecheckStrictest(project, 'NodeNext')).toEqual([]);

    const again = await scaffold();
    expect(again.files).toEqual([]);
  }, 120_000);

  it('reports a handler whose operation was removed, and deletes nothing', async () => {
    const spec = readSpec();
    delete spec.paths['/orders/{orderId}']!.delete;
    writeSpec(spec);
    const before = { orders: read('orders.ts'), index: read('index.ts') };
    const result = await scaffold();
    expect(result.files).toEqual([]);
    expect(result.orphans).toEqual(['cancelOrder']);
    const [diagnostic] = result.diagnostics;
    const line = before.orders.split('\n').findIndex((l) => l.startsWith('export const cancelOrder')) + 1;
    expect(diagnostic).toMatchObject({
      code: 'scaffold-orphan-handler',
      severity: 'warning',
      file: join(handlersDir, 'orders.ts'),
      line,
      column: 14,
      pointer: '',
    });
    expect(diagnostic?.hint).toMatch(/Delete cancelOrder/);
    expect({ orders: read('orders.ts'), index: read('index.ts') }).toEqual(before);
  }, 60_000);

  it('refuses a spec with errors and writes nothing', async () => {
    const result = await scaffoldHandlers({ spec: 'missing.yaml', cwd: project, outDir: 'src/handlers' });
    expect(result.usable).toBe(false);
    expect(result.files).toEqual([]);
    expect(result.diagnostics[0]?.severity).toBe('error');
  });
});
