import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { generateValidators } from '../../../src/render/validators/generate-validators.js';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { ServerRoute } from '../../../src/runtime/server/types.js';
import { DOCUMENT_30, OPERATIONS } from './spec.js';

let dir = '';
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

it('a generated validator plugged into the server core: 400 with pointers, coerced values for the handler', async () => {
  dir = await mkdtemp(join(tmpdir(), 'idemgen-core-validators-'));
  const file = join(dir, 'validators.mjs');
  await writeFile(
    file,
    generateValidators({ document: DOCUMENT_30, openapi: '3.0', operations: OPERATIONS }).js,
  );
  const validators = (await import(pathToFileURL(file).href)) as Record<
    string,
    NonNullable<ServerRoute['validate']>
  >;
  const route: ServerRoute = {
    operationId: 'createOrder',
    method: 'POST',
    pathTemplate: '/shops/{shopId}/orders',
    replayHeaders: [],
    validate: validators.validateCreateOrder!,
    requestBodyRequired: true,
    bodyMediaTypes: ['application/json'],
    parameters: [{ name: 'session', in: 'cookie' }],
  };
  const core = createServerCore({
    routes: [route],
    handlers: {
      createOrder: (request) => ({
        status: 200,
        body: { path: request.path, query: request.query, cookies: request.cookies },
      }),
    },
  });
  const send = (query: string, body: unknown) =>
    core.fetch(
      new Request(`http://api.test/shops/12/orders${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Tenant-Id': 't-1', cookie: 'session=s1' },
        body: JSON.stringify(body),
      }),
    );
  const ok = await send('?limit=5&ids=1&ids=2', { items: [{ sku: 'ab', qty: 1 }] });
  expect(await ok.json()).toEqual({
    path: { shopId: 12 },
    query: { limit: 5, ids: [1, 2] },
    cookies: { session: 's1' },
  });
  const bad = await send('?limit=many', { items: [{ sku: 'ab', qty: 'one' }] });
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors).toEqual([
    { pointer: '/query/limit', message: 'must be integer' },
    { pointer: '/body/items/0/qty', message: 'must be integer' },
  ]);
});
