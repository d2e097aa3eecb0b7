import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/runtime/server/router.js';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import { route, summary } from './route-table.js';

describe('templates with characters that a request percent-encodes', () => {
  const match = createRouter([
    route('get', '/café/{p}'),
    route('get', '/a b/{p}'),
    route('get', '/über'),
    route('get', '/files/{name}'),
    route('get', "/x/it's"),
  ]);

  it.each([
    ['/caf%C3%A9/x', { id: 'get /café/{p}', params: { p: 'x' } }],
    ['/caf%c3%a9/x', { id: 'get /café/{p}', params: { p: 'x' } }],
    ['/%63af%C3%A9/%C3%A9', { id: 'get /café/{p}', params: { p: 'é' } }],
    ['/café/y', { id: 'get /café/{p}', params: { p: 'y' } }],
    ['/a%20b/1', { id: 'get /a b/{p}', params: { p: '1' } }],
    ['/%C3%BCber', { id: 'get /über', params: {} }],
    ['/files/a%2Fb', { id: 'get /files/{name}', params: { name: 'a/b' } }],
    ['/files/%7E', { id: 'get /files/{name}', params: { name: '~' } }],
    ["/x/it's", { id: "get /x/it's", params: {} }],
    ['/caf%C3%A8/x', { kind: 'not-found' }],
    ['/caf%C3/x', { kind: 'not-found' }],
  ])('GET %s', (path, expected) => {
    expect(summary(match('GET', path))).toEqual(expected);
  });

  it('a Web request to an encoded template reaches its handler', async () => {
    const core = createServerCore({
      routes: [route('get', '/café/{p}')],
      handlers: { 'get /café/{p}': (request) => ({ status: 200, body: request.path }) },
    });
    const response = await core.fetch(new Request('http://api.test/café/ü'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ p: 'ü' });
    expect(core.handles('/caf%C3%A9/1')).toBe(true);
  });
});
