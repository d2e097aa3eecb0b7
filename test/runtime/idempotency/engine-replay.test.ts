import { describe, expect, it } from 'vitest';
import type { IdempotentResponse } from '../../../src/runtime/idempotency/index.js';
import { createIdempotencyEngine } from '../../../src/runtime/idempotency/index.js';
import { createEngineHarness, eventNames, makeContract, makeRequest } from './engine-harness.js';

describe('idempotency engine: execute, store, replay', () => {
  it('executes the first request and replays the stored outcome to a duplicate', async () => {
    const h = createEngineHarness();
    const first = await h.run();
    expect(first).toMatchObject({ kind: 'executed', replayed: false, response: { status: 201 } });
    h.clock.setTime(h.clock.now() + 1_000);
    const second = await h.run();
    expect(second).toEqual({
      kind: 'replayed',
      response: {
        status: 201,
        headers: {
          'content-type': 'application/json',
          location: '/orders/order-1',
          'idempotent-replayed': 'true',
        },
        body: '{"id":"order-1"}',
      },
    });
    expect(h.handler).toHaveBeenCalledTimes(1);
    expect(h.events).toEqual([
      ['onReplay', { operationId: 'createOrder', storeKey: expect.any(String), status: 201 }],
    ]);
  });

  it('replays a binary body as bytes', async () => {
    const h = createEngineHarness();
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const response: IdempotentResponse = {
      status: 200,
      headers: { 'content-type': 'image/png' },
      body: bytes,
    };
    await h.run({ execute: async () => response });
    const replay = await h.run();
    expect(replay.kind === 'replayed' && replay.response.body).toEqual(bytes);
  });

  it('stores 4XX outcomes by default and replays them', async () => {
    const h = createEngineHarness();
    const notFound = { status: 404, headers: {}, body: '{"title":"no such item"}' };
    await h.run({ execute: async () => notFound });
    expect(await h.run()).toMatchObject({ kind: 'replayed', response: { status: 404, body: notFound.body } });
  });

  it.each([
    [500, 'a 5XX'],
    [503, 'a 5XX'],
    [409, 'a 409 (even though 4XX is replayed)'],
    [429, 'a 429 (even though 4XX is replayed)'],
  ])('releases the key after %i, %s, so that a retry executes again', async (status) => {
    const h = createEngineHarness();
    const failed = await h.run({ execute: async () => ({ status, headers: {}, body: 'x' }) });
    expect(failed).toMatchObject({ kind: 'executed', response: { status } });
    expect(await h.run()).toMatchObject({ kind: 'executed', response: { status: 201 } });
    expect(h.handler).toHaveBeenCalledTimes(1);
  });

  it('releases the key when the handler throws, and lets the error through', async () => {
    const h = createEngineHarness();
    const boom = new Error('handler failed');
    await expect(h.run({ execute: async () => Promise.reject(boom) })).rejects.toBe(boom);
    expect(await h.run()).toMatchObject({ kind: 'executed' });
  });

  it('replays only the statuses the contract lists', async () => {
    const h = createEngineHarness({ contract: { replay: ['201'] } });
    await h.run({ execute: async () => ({ status: 200, headers: {}, body: 'ok' }) });
    expect(await h.run()).toMatchObject({ kind: 'executed', response: { status: 201 } });
    expect(await h.run()).toMatchObject({ kind: 'replayed', response: { status: 201 } });
  });

  it('answers 422 idempotency-key-reused for the same key with another body', async () => {
    const h = createEngineHarness();
    await h.run();
    const reused = await h.run({ request: makeRequest({ body: { item: 'pen', quantity: 1 } }) });
    expect(reused).toMatchObject({ kind: 'problem', slug: 'idempotency-key-reused', status: 422 });
    expect(h.events).toEqual([['onMismatch', expect.objectContaining({ state: 'completed' })]]);
  });

  it('treats bodies that differ only in member order or white space as the same request', async () => {
    const h = createEngineHarness();
    const body = (text: string): unknown => JSON.parse(text);
    await h.run({ request: makeRequest({ body: body('{"a":1,"b":{"x":[1,2],"y":null}}') }) });
    const same = await h.run({
      request: makeRequest({ body: body('{ "b" : { "y":null, "x":[1, 2] },\n "a":1.0 }') }),
    });
    expect(same.kind).toBe('replayed');
    const other = await h.run({ request: makeRequest({ body: body('{"a":1,"b":{"x":[2,1],"y":null}}') }) });
    expect(other).toMatchObject({ slug: 'idempotency-key-reused' });
  });

  it('expires a stored outcome after the TTL, on the injected clock', async () => {
    const h = createEngineHarness({ contract: { ttlMs: 10_000 } });
    await h.run();
    h.clock.setTime(h.clock.now() + 9_999);
    expect((await h.run()).kind).toBe('replayed');
    h.clock.setTime(h.clock.now() + 1);
    expect(await h.run()).toMatchObject({ kind: 'executed', response: { body: '{"id":"order-2"}' } });
  });

  it('ignores a hook that throws', async () => {
    const h = createEngineHarness();
    await h.run();
    const engine = createIdempotencyEngine({
      store: h.store,
      clock: h.clock,
      hooks: {
        onReplay: () => {
          throw new Error('metrics down');
        },
      },
    });
    const result = await engine.runIdempotent({
      contract: makeContract(),
      request: makeRequest(),
      operationId: 'createOrder',
      execute: h.handler,
    });
    expect(result.kind).toBe('replayed');
    expect(eventNames(h.events)).toEqual([]);
  });
});
