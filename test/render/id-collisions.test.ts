/**
 * Operations whose ids collide (fixtures/gen-id-collision-*): the later one is renamed with a warning, and
 * the client and server generated for the spec type-check under the strictest settings.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateResult, generate } from '../../src/generate.js';
import { typecheckDir } from '../helpers/typecheck-dir.js';

const CASES = ['derived', 'duplicate', 'later'] as const;
const outDirs = new Map<string, string>();
const results = new Map<string, GenerateResult>();

beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  for (const name of CASES) {
    const outDir = mkdtempSync(resolve('test/.out', `id-collision-${name}-`));
    outDirs.set(name, outDir);
    const spec = `fixtures/gen-id-collision-${name}/openapi.yaml`;
    results.set(name, await generate({ spec, outDir, target: 'both', mode: 'write' }));
  }
}, 120_000);
afterAll(() => {
  for (const dir of outDirs.values()) rmSync(dir, { recursive: true, force: true });
});

function collisions(name: string) {
  return results
    .get(name)!
    .diagnostics.filter((d) => d.code === 'operation-id-collision')
    .map(({ severity, pointer, line, message }) => ({ severity, pointer, line, message }));
}

describe('operation id collisions generate', () => {
  it.each(CASES)('%s: no error, and the output type-checks under strict settings', (name) => {
    const result = results.get(name)!;
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.emitted).toBeDefined();
    expect(typecheckDir(outDirs.get(name)!)).toEqual([]);
  });

  it('renames an operationId that is a type an earlier operation makes (AWS API Gateway v2)', async () => {
    expect(collisions('derived')).toEqual([
      {
        severity: 'warning',
        pointer: '/paths/~1integrations~1{integrationId}~1responses/post/operationId',
        line: 22,
        message:
          'POST /integrations/{integrationId}/responses (CreateIntegrationResponse): the operationId "CreateIntegrationResponse" makes the generated name "CreateIntegrationResponse", which POST /integrations (CreateIntegration) also makes; the generated code names this operation "CreateIntegrationResponse2".',
      },
    ]);
    const client = await import(pathToFileURL(join(outDirs.get('derived')!, 'client/index.ts')).href);
    expect(typeof client.CreateIntegration).toBe('function');
    expect(typeof client.CreateIntegrationResponse2).toBe('function');
    expect(client.CreateIntegrationResponse).toBeUndefined();
  });

  it('renames the second of two operations with the same operationId, everywhere', async () => {
    expect(collisions('duplicate')).toMatchObject([
      { severity: 'warning', pointer: '/paths/~1v2~1orders/get/operationId', line: 19 },
    ]);
    expect(collisions('duplicate')[0]?.message).toContain('"listOrders2"');
    const dir = outDirs.get('duplicate')!;
    const client = await import(pathToFileURL(join(dir, 'client/index.ts')).href);
    expect(
      Object.keys(client)
        .filter((k) => k.startsWith('listOrders'))
        .sort(),
    ).toEqual(['listOrders', 'listOrders2']);
    const handlers = readFileSync(join(dir, 'server/index.ts'), 'utf8');
    expect(handlers).toContain('listOrders: ListOrdersHandler;');
    expect(handlers).toContain('listOrders2: ListOrders2Handler;');
    // openapi-typescript keys `operations` by operationId: the second gets its new id there too.
    const schema = readFileSync(join(dir, 'schema.ts'), 'utf8');
    expect(schema).toContain('get: operations["listOrders2"];');
    // Each operation keeps its own types: the second requires `cursor` and returns `{ items }`.
    const client2 = readFileSync(join(dir, 'client/default.ts'), 'utf8');
    expect(client2).toContain('export type ListOrders2Operation = paths["/v2/orders"]["get"];');
    writeFileSync(
      join(dir, 'usage.ts'),
      `import { createClient, listOrders, listOrders2 } from './client/index.js';
const client = createClient({ baseUrl: 'http://127.0.0.1:1' });
export async function use(): Promise<number[]> {
  await listOrders(client);
  // @ts-expect-error listOrders2 requires its query (cursor)
  await listOrders2(client, {});
  const result = await listOrders2(client, { query: { cursor: 'c' } });
  return result.ok ? result.data.items : [];
}
`,
    );
    expect(typecheckDir(dir)).toEqual([]);
  });

  it('numbers past an id a later operation has: pay, pay, pay2 -> pay, pay3, pay2', async () => {
    expect(collisions('later')).toMatchObject([
      { severity: 'warning', pointer: '/paths/~1v2~1pay/post/operationId', line: 13 },
    ]);
    expect(collisions('later')[0]?.message).toContain('names this operation "pay3"');
    const client = await import(pathToFileURL(join(outDirs.get('later')!, 'client/index.ts')).href);
    expect(
      Object.keys(client)
        .filter((k) => /^pay\d*$/.test(k))
        .sort(),
    ).toEqual(['pay', 'pay2', 'pay3']);
    const routes = readFileSync(join(outDirs.get('later')!, 'server/routes.js'), 'utf8');
    expect(routes).toMatch(/"operationId":"pay3","method":"POST","pathTemplate":"\/v2\/pay"/);
    expect(routes).toMatch(/"operationId":"pay2","method":"POST","pathTemplate":"\/pay2"/);
  });
});
