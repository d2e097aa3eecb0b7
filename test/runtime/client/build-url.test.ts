import { describe, expect, it } from 'vitest';
import { buildUrl, readBody, resolveKey } from '../../../src/runtime/client/index.js';

describe('buildUrl', () => {
  it.each([
    ['https://a.test', '/x', {}, {}, 'https://a.test/x'],
    ['https://a.test/v1/', '/x/{id}', { id: 'é/?#' }, {}, 'https://a.test/v1/x/%C3%A9%2F%3F%23'],
    ['https://a.test', 'x/{a}/{b}', { a: 1, b: true }, {}, 'https://a.test/x/1/true'],
    [
      'https://a.test',
      '/x',
      {},
      { q: ['a', null, 'b'], z: false, skip: undefined },
      'https://a.test/x?q=a&q=b&z=false',
    ],
    ['https://a.test', '/x', {}, { 'a&b': 'c=d' }, 'https://a.test/x?a%26b=c%3Dd'],
  ])('%s + %s', (baseUrl, pathTemplate, pathParams, query, expected) => {
    expect(buildUrl({ baseUrl, pathTemplate, pathParams, query })).toBe(expected);
  });

  it('rejects a missing path parameter', () => {
    expect(() => buildUrl({ baseUrl: 'https://a.test', pathTemplate: '/x/{id}' })).toThrow(
      /Missing path parameter "id"/,
    );
  });
});

describe('readBody', () => {
  it.each([
    [new Response('{"a":1}', { headers: { 'content-type': 'application/json' } }), 'GET', { a: 1 }],
    [new Response('{"a":1}', { headers: { 'content-type': 'text/plain' } }), 'GET', '{"a":1}'],
    [new Response('<html>', { headers: { 'content-type': 'application/json' } }), 'GET', '<html>'],
    [new Response('', { headers: { 'content-type': 'application/json' } }), 'GET', undefined],
    [new Response(null, { status: 204 }), 'DELETE', undefined],
    [new Response('ignored', { status: 200 }), 'HEAD', undefined],
  ])('%#', async (response, method, expected) => {
    expect(await readBody(response, method)).toEqual(expected);
  });
});

describe('resolveKey', () => {
  it.each([
    [{ in: 'path', name: 'id' } as const, 'p-1'],
    [{ in: 'query', name: 'ref' } as const, 'q-1'],
    [{ in: 'body', pointer: '/order/id' } as const, '42'],
    [{ in: 'body', pointer: '/missing' } as const, undefined],
    [{ in: 'header', name: 'Idempotency-Key' } as const, 'given'],
  ])('%j', (idempotency, expected) => {
    const key = resolveKey({
      idempotency,
      given: 'given',
      pathParams: { id: 'p-1' },
      query: { ref: ['q-1', 'q-2'] },
      body: { order: { id: 42 } },
    });
    expect(key).toBe(expected);
  });

  it('mints a fresh UUID for a header key when none is given', () => {
    const key = resolveKey({ idempotency: { in: 'header', name: 'Idempotency-Key' } });
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
