import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/runtime/server/router.js';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { HandlerRequest, ServerRoute } from '../../../src/runtime/server/types.js';

const BASE = 'http://api.test';

const route = (operationId: string, pathTemplate: string, method = 'GET'): ServerRoute => ({
  operationId,
  method,
  pathTemplate,
  replayHeaders: [],
  requestBodyRequired: false,
  bodyMediaTypes: method === 'POST' ? ['application/json'] : [],
});

const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('handlers are looked up as own properties', () => {
  const routes = PROTOTYPE_NAMES.map((name) => route(name, `/ops/${name}`));
  const core = createServerCore({ routes, handlers: {} });

  it('lists every prototype-named operation as missing', () => {
    expect(core.missing).toEqual(PROTOTYPE_NAMES);
  });

  it.each(PROTOTYPE_NAMES)('%s without a handler answers 501', async (name) => {
    const response = await core.fetch(new Request(`${BASE}/ops/${name}`));
    expect(response.status).toBe(501);
    expect((await response.json()).type).toBe('https://idemgen.dev/problems/not-implemented');
  });

  it('a handler given for such a name runs', async () => {
    const withHandler = createServerCore({
      routes,
      handlers: { constructor: () => ({ status: 200, body: 'own' }) },
    });
    const response = await withHandler.fetch(new Request(`${BASE}/ops/constructor`));
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('own');
  });
});

describe('parameters hold only what was sent', () => {
  let seen: HandlerRequest | undefined;
  const core = createServerCore({
    routes: [route('read', '/things/{__proto__}/{constructor}')],
    handlers: {
      read: (request) => {
        seen = request;
        return { status: 204 };
      },
    },
  });

  it('query and header names of Object.prototype are absent unless sent', async () => {
    await core.fetch(new Request(`${BASE}/things/a/b?x=1`));
    expect(seen?.query.constructor).toBeUndefined();
    expect(seen?.query.toString).toBeUndefined();
    expect(seen?.headers.constructor).toBeUndefined();
    expect(seen?.query.x).toBe('1');
  });

  it('a query parameter named constructor or __proto__ arrives as its string (repeated: an array)', async () => {
    await core.fetch(new Request(`${BASE}/things/a/b?constructor=c&toString=t&toString=u&__proto__=p`));
    expect(seen?.query.constructor).toBe('c');
    expect(seen?.query.toString).toEqual(['t', 'u']);
    expect(Object.hasOwn(seen?.query ?? {}, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(seen?.query, '__proto__')?.value).toBe('p');
  });

  it('path parameters named __proto__ and constructor are own values', async () => {
    await core.fetch(new Request(`${BASE}/things/p1/c1`));
    expect(Object.hasOwn(seen?.path ?? {}, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(seen?.path, '__proto__')?.value).toBe('p1');
    expect(seen?.path.constructor).toBe('c1');
  });

  it('the router captures a __proto__ parameter as an own value', () => {
    const match = createRouter([route('read', '/x/{__proto__}')])('GET', '/x/v');
    expect(match.kind === 'found' && Object.hasOwn(match.params, '__proto__')).toBe(true);
  });
});

describe('JSON bodies with __proto__ are refused', () => {
  let calls = 0;
  const core = createServerCore({
    routes: [route('create', '/things', 'POST')],
    handlers: {
      create: () => {
        calls++;
        return { status: 204 };
      },
    },
  });
  const post = (body: string) =>
    core.fetch(
      new Request(`${BASE}/things`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    );

  it.each([
    ['{"__proto__":{"admin":true}}', '/body/__proto__'],
    ['{"a":[1,{"b":{"__proto__":null}}]}', '/body/a/1/b/__proto__'],
    ['{"\\u005f_proto__":{"admin":true}}', '/body/__proto__'],
    ['[{"x":1},{"__pr\\u006fto__":1}]', '/body/1/__proto__'],
  ])('%s: 400 with the pointer %s', async (body, pointer) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.type).toBe('https://idemgen.dev/problems/request-validation-failed');
    expect(problem.errors).toEqual([{ pointer, message: 'is not allowed' }]);
    expect(calls).toBe(0);
  });

  it('lists at most 50 of them', async () => {
    const body = `[${Array.from({ length: 60 }, () => '{"__proto__":1}').join(',')}]`;
    const problem = await (await post(body)).json();
    expect(problem.errors).toHaveLength(50);
    expect(problem.errors[49]).toEqual({ pointer: '/body/49/__proto__', message: 'is not allowed' });
  });

  it('a string value "__proto__" is fine', async () => {
    const response = await post('{"name":"__proto__","note":"\\u0041"}');
    expect(response.status).toBe(204);
    expect(calls).toBe(1);
  });
});
