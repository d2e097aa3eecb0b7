import { afterEach, describe, expect, it } from 'vitest';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import { createFixture, SECRET } from './fixture.js';
import { ADAPTERS, type RunningServer } from './servers.js';

const order = (key: string | undefined, body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(key === undefined ? {} : { 'idempotency-key': key }),
    ...headers,
  },
  body,
});

describe.each(Object.keys(ADAPTERS))('%s adapter over a real socket', (name) => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async (fixture = createFixture()) => {
    server = await ADAPTERS[name]!(fixture.core);
    const url = server.url;
    return { fixture, send: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) };
  };

  it('replays a duplicate with a byte-identical body and Idempotent-Replayed: true', async () => {
    const { fixture, send } = await start();
    const first = await send('/orders', order('dup-1', '{"sku":"a","qty":2}'));
    const second = await send('/orders', order('dup-1', '{"qty":2,"sku":"a"}'));
    const [a, b] = [new Uint8Array(await first.arrayBuffer()), new Uint8Array(await second.arrayBuffer())];
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(b).toEqual(a);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('location')).toBe('/orders/ord_1');
    expect(fixture.executions()).toBe(1);
  });

  it('50 concurrent requests with one key run the handler exactly once', async () => {
    let conflicts = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fixture = createFixture({
      hooks: {
        onConflict: () => {
          if (++conflicts === 49) release();
        },
      },
    });
    fixture.setGate(gate);
    const { send } = await start(fixture);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => send('/orders', order('same-key', '{"sku":"a","qty":1}'))),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(fixture.executions()).toBe(1);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const conflict = responses.find((response) => response.status === 409);
    expect(conflict?.headers.get('retry-after')).toBe('1');
    expect(conflict?.headers.get('retry-after-ms')).toBe('1000');
    const after = await send('/orders', order('same-key', '{"sku":"a","qty":1}'));
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(fixture.executions()).toBe(1);
  });

  it('a changed body with the same key gets 422, a missing key 400', async () => {
    const { fixture, send } = await start();
    await send('/orders', order('k-2', '{"sku":"a","qty":2}'));
    const reused = await send('/orders', order('k-2', '{"sku":"a","qty":3}'));
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect((await reused.json()).type).toBe('https://idemgen.dev/problems/idempotency-key-reused');
    const missing = await send('/orders', order(undefined, '{"sku":"a","qty":2}'));
    expect(missing.status).toBe(400);
    expect((await missing.json()).type).toBe('https://idemgen.dev/problems/idempotency-key-missing');
    expect(fixture.executions()).toBe(1);
  });

  it('a throwing handler gets 500 without its message, logged with the correlation id', async () => {
    const { fixture, send } = await start();
    const response = await send('/explode', order(undefined, '{}', { 'x-request-id': 'boom-1' }));
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('boom-1');
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ status: 500, instance: 'urn:idemgen:request:boom-1' });
    expect(fixture.logs.map((entry) => [entry.correlationId, (entry.error as Error).message])).toEqual([
      ['boom-1', SECRET],
    ]);
  });

  it('validation errors, malformed JSON, path parameters and 404 problems', async () => {
    const { send } = await start();
    const invalid = await send('/orders', order('k-3', '{"sku":1,"qty":1}'));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors).toEqual([{ pointer: '/body/sku', message: 'must be string' }]);
    const malformed = await send('/orders', order('k-4', '{"sku":'));
    expect(malformed.status).toBe(400);
    // In the Express app, express.json() runs first and answers malformed JSON itself.
    if (name !== 'express') {
      expect((await malformed.json()).errors).toEqual([{ pointer: '/body', message: 'is not valid JSON' }]);
    }
    const found = await send('/orders/12?x=1');
    expect(await found.json()).toEqual({ id: 12, type: 'number' });
    const text = await send('/notes/n%201', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(await text.text()).toBe('note n 1: hi');
  });

  it.runIf(name === 'express' || name === 'fastify')('leaves the framework its own routes', async () => {
    const { send } = await start();
    expect(await (await send('/health')).json()).toEqual({ ok: true });
    const other = await send('/not-an-operation');
    expect(other.status).toBe(name === 'express' ? 418 : 404);
  });
});

describe('node adapter signal', () => {
  it('aborts the handler signal when the client goes away', async () => {
    let aborted!: () => void;
    const sawAbort = new Promise<void>((resolve) => (aborted = resolve));
    let entered!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    let handlerSignal: AbortSignal | undefined;
    const core = createServerCore({
      routes: [
        {
          operationId: 'slow',
          method: 'GET',
          pathTemplate: '/slow',
          replayHeaders: [],
          requestBodyRequired: false,
          bodyMediaTypes: [],
        },
      ],
      handlers: {
        slow: async (request) => {
          handlerSignal = request.signal;
          request.signal.addEventListener('abort', () => aborted(), { once: true });
          entered();
          await sawAbort;
          return { status: 204 };
        },
      },
    });
    const server = await ADAPTERS.node!(core);
    const client = new AbortController();
    const pending = fetch(`${server.url}/slow`, { signal: client.signal }).catch(() => undefined);
    await started;
    expect(handlerSignal?.aborted).toBe(false);
    client.abort();
    await sawAbort;
    expect(handlerSignal?.aborted).toBe(true);
    await pending;
    await server.close();
  });
});
