import { describe, expect, it } from 'vitest';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { ServerCoreOptions, ServerLogEntry, ServerRoute } from '../../../src/runtime/server/types.js';
import { ORDER_CONTRACT } from './fixture.js';

const BASE = 'http://api.test';
const ROUTES: ServerRoute[] = [
  {
    operationId: 'createOrder',
    method: 'POST',
    pathTemplate: '/orders',
    idempotency: ORDER_CONTRACT,
    replayHeaders: [],
    requestBodyRequired: true,
    bodyMediaTypes: ['application/json'],
  },
];

function createCore(options: Partial<ServerCoreOptions> = {}) {
  const logs: ServerLogEntry[] = [];
  let calls = 0;
  const core = createServerCore({
    routes: ROUTES,
    handlers: {
      createOrder: () => {
        calls++;
        return { status: 201, body: { ok: true } };
      },
    },
    logger: { error: (entry) => logs.push(entry) },
    maxBodyBytes: 10_000_000,
    ...options,
  });
  return { core, logs, calls: () => calls };
}

const post = (core: ReturnType<typeof createCore>['core'], body: string, key = 'k-1') =>
  core.fetch(
    new Request(`${BASE}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body,
    }),
  );

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

describe('JSON nesting depth', () => {
  it('100,000 nested arrays: 400 request-validation-failed at the first node too deep, nothing logged', async () => {
    const { core, logs, calls } = createCore();
    const response = await post(core, nestedArrays(100_000));
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.type).toBe('https://idemgen.dev/problems/request-validation-failed');
    expect(problem.errors).toEqual([
      { pointer: `/body${'/0'.repeat(64)}`, message: 'is nested deeper than 64 levels' },
    ]);
    expect(logs).toEqual([]);
    expect(calls()).toBe(0);
  });

  it('64 levels are accepted (and fingerprinted), 65 are not', async () => {
    const { core, calls } = createCore();
    expect((await post(core, nestedObjects(64), 'k-64')).status).toBe(201);
    const response = await post(core, nestedObjects(65), 'k-65');
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { pointer: `/body${'/a'.repeat(64)}`, message: 'is nested deeper than 64 levels' },
    ]);
    expect(calls()).toBe(1);
  });

  it('brackets inside strings do not count', async () => {
    const { core } = createCore({ maxBodyDepth: 2 });
    const body = JSON.stringify({ text: `[[[[[[{{{{{"\\${'['.repeat(200)}`, list: [1] });
    expect((await post(core, body)).status).toBe(201);
  });

  it('maxBodyDepth sets the limit', async () => {
    const { core } = createCore({ maxBodyDepth: 2 });
    const response = await post(core, '{"a":[{"b":1}]}');
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { pointer: '/body/a/0', message: 'is nested deeper than 2 levels' },
    ]);
    expect(() => createCore({ maxBodyDepth: 0 })).toThrow(TypeError);
  });
});
