/**
 * `createOperationTracker` over the memory store with an injected clock: the states an operation goes
 * through, the lease that marks an abandoned run failed, the ttl after which it is forgotten, and the 202 and
 * status answers. And `wait()`'s poll delays: the contract's backoff, replaced by `Retry-After`.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/runtime/client/create-client.js';
import { createMemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import type { LongRunningSpec } from '../../src/runtime/long-running/types.js';
import { withOperation } from '../../src/runtime/long-running/wait.js';
import { createOperationTracker } from '../../src/runtime/server/long-running.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';

function setup() {
  const clock = new FakeClock(1_000_000);
  const store = createMemoryStore({ clock });
  const errors: unknown[] = [];
  const tracker = createOperationTracker({
    store,
    clock,
    statusUrl: (id) => `/operations/${id}`,
    maxRunMs: 60_000,
    ttlMs: 3_600_000,
    retryAfterSeconds: 2,
    onError: (error) => errors.push(error),
  });
  return { clock, tracker, errors };
}

describe('createOperationTracker', () => {
  it('answers 202 with Location and Retry-After, then running, then the result', async () => {
    const { tracker } = setup();
    let finish: (rows: number) => void = () => {};
    const started = await tracker.start(() => new Promise<number>((resolve) => (finish = resolve)), {
      id: 'op1',
    });
    expect(started.response).toEqual({
      status: 202,
      headers: { 'content-type': 'application/json', location: '/operations/op1', 'retry-after': '2' },
      body: { id: 'op1', status: 'running' },
    });
    expect(await tracker.statusResponse('op1', { correlationId: 'c' })).toMatchObject({
      status: 200,
      headers: { 'retry-after': '2' },
      body: { id: 'op1', status: 'running' },
    });
    finish(7);
    await started.done;
    expect(await tracker.status('op1')).toEqual({ id: 'op1', status: 'succeeded', result: 7 });
    const final = await tracker.statusResponse('op1', { correlationId: 'c' });
    expect(final.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('reports a run past its lease as failed (abandoned), and forgets a finished one after the ttl', async () => {
    const { clock, tracker } = setup();
    await tracker.start(() => new Promise<never>(() => {}), { id: 'stuck' });
    await clock.advance(59_999);
    expect(await tracker.status('stuck')).toEqual({ id: 'stuck', status: 'running' });
    await clock.advance(1);
    expect(await tracker.status('stuck')).toEqual({
      id: 'stuck',
      status: 'failed',
      error: { title: 'The operation was abandoned' },
    });

    const quick = await tracker.start(async () => 'done', { id: 'quick' });
    await quick.done;
    await clock.advance(3_599_999);
    expect(await tracker.status('quick')).toMatchObject({ status: 'succeeded' });
    await clock.advance(1);
    expect(await tracker.status('quick')).toBeUndefined();
    const gone = await tracker.statusResponse('quick', { correlationId: 'req-1' });
    expect(gone).toMatchObject({ status: 404, body: { type: 'about:blank', status: 404 } });
  });

  it('keeps the internal error from the status, hands it to onError, and refuses a reused id', async () => {
    const { tracker, errors } = setup();
    const started = await tracker.start(
      async () => {
        throw new Error('connection to db-7.internal refused');
      },
      { id: 'bad' },
    );
    await started.done;
    expect(await tracker.status('bad')).toEqual({
      id: 'bad',
      status: 'failed',
      error: { title: 'The operation failed' },
    });
    expect(errors).toHaveLength(1);
    await expect(tracker.start(async () => 1, { id: 'bad' })).rejects.toThrow(/in use/);
  });
});

describe('wait() poll delays', () => {
  const SPEC: LongRunningSpec = {
    finalStateVia: 'location',
    statusPointer: '/status',
    succeeded: ['Succeeded'],
    failed: ['Failed'],
    backoff: { initialMs: 100, maxMs: 250, multiplier: 2, jitter: 'none' },
    maxWaitMs: 10_000,
  };

  it('waits the backoff (100, 200, 250 ms), or the Retry-After the server sends', async () => {
    const clock = new FakeClock(0);
    const answers = [
      { status: 'running' },
      { status: 'running', retryAfter: '1' },
      { status: 'running' },
      { status: 'SUCCEEDED', result: 5 },
    ];
    const urls: string[] = [];
    const client = createClient({
      baseUrl: 'http://api.test/v1',
      clock,
      fetch: async (url) => {
        urls.push(url);
        const next = answers.shift();
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (next?.retryAfter) headers['retry-after'] = next.retryAfter;
        return new Response(JSON.stringify(next), { status: 200, headers });
      },
    });
    const accepted = Promise.resolve({
      ok: true as const,
      status: 202,
      data: {},
      headers: new Headers({ location: 'operations/42?view=full' }),
    });
    const result = (await withOperation(client, SPEC, undefined, accepted)) as unknown as {
      operation: { statusUrl: string; wait(): Promise<unknown> };
    };
    expect(result.operation.statusUrl).toBe('http://api.test/v1/operations/42?view=full');
    const waiting = result.operation.wait();
    await clock.runAll();
    expect(await waiting).toEqual({
      ok: true,
      data: { status: 'SUCCEEDED', result: 5 },
      state: 'SUCCEEDED',
      polls: 4,
    });
    // Each wait, then that poll's own time limit: the time left before wait()'s deadline (10 s).
    expect(clock.sleeps).toEqual([100, 9900, 200, 9700, 1000, 8700, 250, 8450]);
    expect(urls).toEqual(Array(4).fill('http://api.test/v1/operations/42?view=full'));
  });
});
