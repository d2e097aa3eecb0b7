import { describe, expect, it } from 'vitest';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import { createFixture, ROUTES, SECRET } from './fixture.js';

const BASE = 'http://api.test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const send = (fixture: ReturnType<typeof createFixture>, path: string, init: RequestInit = {}) =>
  fixture.core.fetch(new Request(`${BASE}${path}`, init));

const postOrder = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1', ...headers },
  body,
});

describe('createServerCore routing', () => {
  it.each([
    ['/orders/latest', { latest: true }],
    ['/orders/42', { id: 42, type: 'number' }],
    ['/orders/%34%32', { id: 42, type: 'number' }],
  ])('GET %s', async (path, expected) => {
    const response = await send(createFixture(), path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(expected);
  });

  it.each([['/nothing'], ['/orders/1/items'], ['/orders/']])('404 about:blank for %s', async (path) => {
    const response = await send(createFixture(), path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('405 with Allow for a known path and an unknown method', async () => {
    const response = await send(createFixture(), '/orders/7', { method: 'PATCH' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('DELETE, GET');
    expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Method Not Allowed' });
  });

  it('a parameter route still serves a method that the static route lacks', async () => {
    const response = await send(createFixture(), '/orders/latest', { method: 'DELETE' });
    expect(response.status).toBe(501);
  });

  it('501 not-implemented for an operation without a handler, and lists it in missing', async () => {
    const fixture = createFixture();
    expect(fixture.core.missing).toEqual(['cancelOrder']);
    const response = await send(fixture, '/orders/7', { method: 'DELETE' });
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({
      type: 'https://idemgen.dev/problems/not-implemented',
      title: 'Not implemented',
      status: 501,
    });
  });

  it('strips basePath and falls back to 404 outside it', async () => {
    const core = createServerCore({ routes: ROUTES, handlers: {}, basePath: '/v1/' });
    expect((await core.fetch(new Request(`${BASE}/v1/orders/latest`))).status).toBe(501);
    expect((await core.fetch(new Request(`${BASE}/orders/latest`))).status).toBe(404);
    expect(core.handles('/v1/orders/3')).toBe(true);
    expect(core.handles('/v1/nope')).toBe(false);
  });

  it('400 for a path parameter with broken percent-encoding', async () => {
    const response = await send(createFixture(), '/orders/%E0%A4%A');
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { pointer: '/path/orderId', message: 'is not valid percent-encoding' },
    ]);
  });
});

describe('createServerCore validation', () => {
  it('400 request-validation-failed lists every error with its pointer', async () => {
    const response = await send(createFixture(), '/orders', postOrder('{"sku": 5, "qty": 1.5}'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'https://idemgen.dev/problems/request-validation-failed',
      title: 'Request validation failed',
      status: 400,
      errors: [
        { pointer: '/body/sku', message: 'must be string' },
        { pointer: '/body/qty', message: 'must be integer' },
      ],
    });
  });

  it.each([
    ['malformed JSON', postOrder('{"sku": '), [{ pointer: '/body', message: 'is not valid JSON' }]],
    ['a missing required body', postOrder(''), [{ pointer: '/body', message: 'is required' }]],
  ])('400 for %s', async (_name, init, errors) => {
    const fixture = createFixture();
    const response = await send(fixture, '/orders', init);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual(errors);
    expect(fixture.executions()).toBe(0);
  });

  it('415 for an undeclared media type, with the accepted types listed, before the handler', async () => {
    const fixture = createFixture();
    const init = postOrder('sku=a', { 'content-type': 'application/x-www-form-urlencoded' });
    const response = await send(fixture, '/orders', init);
    expect(response.status).toBe(415);
    expect(response.headers.get('accept')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      type: 'https://idemgen.dev/problems/unsupported-media-type',
      status: 415,
      accepted: ['application/json'],
    });
    expect(fixture.executions()).toBe(0);
  });

  it('a path parameter that fails validation is 400 and the handler sees coerced values otherwise', async () => {
    const response = await send(createFixture(), '/orders/abc');
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { pointer: '/path/orderId', message: 'must be integer' },
    ]);
  });

  it('a text/* body reaches the handler as a string, sent back as is', async () => {
    const response = await send(createFixture(), '/notes/n1', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'héllo',
    });
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('note n1: héllo');
  });
});

describe('createServerCore errors and correlation ids', () => {
  it('500 internal-error says nothing internal and logs the error with the correlation id', async () => {
    const fixture = createFixture();
    const response = await send(fixture, '/explode', {
      method: 'POST',
      headers: { 'x-request-id': 'req-77' },
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('db-7');
    expect(JSON.parse(text)).toEqual({
      type: 'https://idemgen.dev/problems/internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'The server could not complete the request; quote req-77 when reporting it.',
      instance: 'urn:idemgen:request:req-77',
    });
    expect(fixture.logs).toHaveLength(1);
    expect(fixture.logs[0]).toMatchObject({
      correlationId: 'req-77',
      operationId: 'explode',
      method: 'POST',
    });
    expect((fixture.logs[0]!.error as Error).message).toBe(SECRET);
  });

  const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
  it.each([
    ['traceparent wins', { traceparent: `00-${TRACE}-00f067aa0ba902b7-01`, 'x-request-id': 'r1' }, TRACE],
    ['an all-zero trace id is ignored', { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` }, 'fresh'],
    ['version ff is ignored', { traceparent: `ff-${TRACE}-00f067aa0ba902b7-01`, 'x-request-id': 'r2' }, 'r2'],
    ['X-Request-Id', { 'x-request-id': 'abc-123' }, 'abc-123'],
    ['a request id with spaces is replaced', { 'x-request-id': 'a b' }, 'fresh'],
    ['nothing: a fresh UUID', {}, 'fresh'],
  ])('correlation id: %s', async (_name, headers, expected) => {
    const response = await send(createFixture(), '/nothing', { headers });
    const id = response.headers.get('x-request-id') ?? '';
    const { instance } = await response.json();
    if (expected === 'fresh') {
      expect(id).toMatch(UUID);
      expect(instance).toBe(`urn:uuid:${id}`);
    } else {
      expect(id).toBe(expected);
      expect(instance).toBe(`urn:idemgen:request:${expected}`);
    }
  });

  it('a UUID request id becomes a urn:uuid instance, on successful responses the header is echoed', async () => {
    const id = '6f1c2a4e-1b7d-4c59-9e0f-2a3b4c5d6e7f';
    const fixture = createFixture();
    const problem = await send(fixture, '/nothing', { headers: { 'x-request-id': id } });
    expect((await problem.json()).instance).toBe(`urn:uuid:${id}`);
    const ok = await send(fixture, '/orders/latest', { headers: { 'x-request-id': id } });
    expect(ok.headers.get('x-request-id')).toBe(id);
  });

  it('validateResponses turns an undeclared status into a logged 500', async () => {
    const routes = [{ ...ROUTES[2]!, responseStatuses: ['404'] }];
    const logs: unknown[] = [];
    const core = createServerCore({
      routes,
      handlers: { getLatestOrder: () => ({ status: 200, body: {} }) },
      validateResponses: true,
      logger: { error: (entry) => logs.push(entry) },
    });
    const response = await core.fetch(new Request(`${BASE}/orders/latest`));
    expect(response.status).toBe(500);
    expect(logs).toHaveLength(1);
  });

  it('uses the configured problem type base', async () => {
    const core = createServerCore({
      routes: ROUTES,
      handlers: {},
      problemTypeBase: 'https://errors.example',
    });
    const response = await core.fetch(new Request(`${BASE}/orders/1`, { method: 'DELETE' }));
    expect((await response.json()).type).toBe('https://errors.example/not-implemented');
  });
});

describe('createServerCore idempotency', () => {
  it('replays a duplicate byte for byte, with declared headers only, and runs the handler once', async () => {
    const fixture = createFixture();
    const first = await send(fixture, '/orders', postOrder('{"sku":"a","qty":2}', { 'x-user': 'u1' }));
    const second = await send(fixture, '/orders', postOrder('{ "qty": 2, "sku": "a" }', { 'x-user': 'u1' }));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.text()).toBe(await first.text());
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('location')).toBe('/orders/ord_1');
    expect(first.headers.get('x-not-declared')).toBe('fresh');
    expect(second.headers.get('x-not-declared')).toBeNull();
    expect(fixture.executions()).toBe(1);
  });

  it('keys of different principals do not replay across callers', async () => {
    const fixture = createFixture();
    await send(fixture, '/orders', postOrder('{"sku":"a","qty":2}', { 'x-user': 'u1' }));
    const other = await send(fixture, '/orders', postOrder('{"sku":"a","qty":2}', { 'x-user': 'u2' }));
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect((await other.json()).by).toBe('u2');
    expect(fixture.executions()).toBe(2);
  });

  it.each([
    ['a changed body', postOrder('{"sku":"a","qty":3}'), 422, 'idempotency-key-reused'],
    [
      'no key',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sku":"a","qty":2}' },
      400,
      'idempotency-key-missing',
    ],
    [
      'a bad key',
      postOrder('{"sku":"a","qty":2}', { 'idempotency-key': 'ä' }),
      400,
      'idempotency-key-invalid',
    ],
  ])('%s -> %s', async (_name, init, status, slug) => {
    const fixture = createFixture();
    await send(fixture, '/orders', postOrder('{"sku":"a","qty":2}'));
    const response = await send(fixture, '/orders', init);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).type).toBe(`https://idemgen.dev/problems/${slug}`);
    expect(fixture.executions()).toBe(1);
  });

  it('409 with Retry-After while the first request runs; the hook counts the conflict', async () => {
    let conflicts = 0;
    const fixture = createFixture({ hooks: { onConflict: () => conflicts++ } });
    let release = () => {};
    fixture.setGate(new Promise<void>((resolve) => (release = resolve)));
    const first = send(fixture, '/orders', postOrder('{"sku":"a","qty":2}'));
    await fixture.started;
    const second = await send(fixture, '/orders', postOrder('{"sku":"a","qty":2}'));
    expect(second.status).toBe(409);
    // The default poll hint (x-idempotency.retryAfter: 1s), not the rest of the 60 s lease.
    expect(second.headers.get('retry-after')).toBe('1');
    expect(second.headers.get('retry-after-ms')).toBe('1000');
    expect(await second.json()).toMatchObject({ status: 409, title: 'Idempotent request in progress' });
    expect(conflicts).toBe(1);
    release();
    expect((await first).status).toBe(201);
  });
});
