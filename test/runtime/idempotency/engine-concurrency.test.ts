import { describe, expect, it, vi } from 'vitest';
import { created, createEngineHarness, deferredHandler, eventNames, makeRequest } from './engine-harness.js';

describe('idempotency engine: duplicates while the first runs', () => {
  it('rejects a duplicate with 409 and the short poll hint, capped by the rest of the lease', async () => {
    const h = createEngineHarness();
    const first = deferredHandler();
    const running = h.run({ execute: first.execute });
    await vi.waitFor(() => expect(first.calls()).toBe(1));
    // Default retryAfter 1s; the lease (60 s) ends at 60_000: in its last second the hint is what is left.
    for (const [elapsed, retryAfter, retryAfterMs] of [
      [10_500, '1', '1000'],
      [59_001, '0', '999'],
      [59_999, '0', '1'],
    ] as const) {
      h.clock.setTime(1_700_000_000_000 + elapsed);
      expect(await h.run()).toEqual({
        kind: 'problem',
        slug: 'idempotency-request-in-progress',
        status: 409,
        detail: expect.any(String),
        headers: { 'retry-after': retryAfter, 'retry-after-ms': retryAfterMs },
      });
    }
    expect(h.events.map(([name, event]) => [name, event.waitedMs])).toEqual([
      ['onConflict', 0],
      ['onConflict', 0],
      ['onConflict', 0],
    ]);
    first.resolve(created());
    await running;
    expect((await h.run()).kind).toBe('replayed');
  });

  it('answers with the contract retryAfter, not the rest of the lease', async () => {
    const h = createEngineHarness({ contract: { retryAfterMs: 2_500, inProgressTimeoutMs: 30_000 } });
    const first = deferredHandler();
    void h.run({ execute: first.execute });
    await vi.waitFor(() => expect(first.calls()).toBe(1));
    h.clock.setTime(1_700_000_000_000 + 1_000);
    expect(await h.run()).toMatchObject({ headers: { 'retry-after': '3', 'retry-after-ms': '2500' } });
    h.clock.setTime(1_700_000_000_000 + 28_000);
    expect(await h.run()).toMatchObject({ headers: { 'retry-after': '2', 'retry-after-ms': '2000' } });
  });

  it('answers 422 to a duplicate with another fingerprint while the first runs', async () => {
    const h = createEngineHarness({ contract: { concurrent: 'wait' } });
    const first = deferredHandler();
    void h.run({ execute: first.execute });
    await vi.waitFor(() => expect(first.calls()).toBe(1));
    const other = await h.run({ request: makeRequest({ body: { item: 'pen' } }) });
    expect(other).toMatchObject({ slug: 'idempotency-key-reused', status: 422 });
    expect(h.events).toEqual([['onMismatch', expect.objectContaining({ state: 'in-progress' })]]);
    expect(h.clock.sleeps).toEqual([]);
  });

  it('in wait mode, holds a duplicate until the first finishes and then replays it', async () => {
    const h = createEngineHarness({ contract: { concurrent: 'wait' } });
    const first = deferredHandler();
    const running = h.run({ execute: first.execute });
    await vi.waitFor(() => expect(first.calls()).toBe(1));
    const waiting = h.run();
    await vi.waitFor(() => expect(h.clock.pendingCount).toBe(1));
    await h.clock.advance(10 + 20 + 40);
    expect(h.clock.sleeps).toEqual([10, 20, 40, 80]);
    first.resolve(created('order-first'));
    expect((await running).kind).toBe('executed');
    await h.clock.advance(80);
    expect(await waiting).toMatchObject({ kind: 'replayed', response: { body: '{"id":"order-first"}' } });
    expect(h.handler).not.toHaveBeenCalled();
    expect(eventNames(h.events)).toEqual(['onReplay']);
  });

  it('in wait mode, polls with backoff capped at 250 ms and falls back to 409 when another holds the key', async () => {
    const h = createEngineHarness({ contract: { concurrent: 'wait', inProgressTimeoutMs: 2_000 } });
    const stuck = deferredHandler();
    void h.run({ execute: stuck.execute });
    await vi.waitFor(() => expect(stuck.calls()).toBe(1));
    // Two waiters: when the stuck lease runs out one of them takes it over (and hangs too); the other
    // reaches its deadline and gets 409.
    const taker = deferredHandler();
    const a = h.run({ execute: taker.execute });
    const b = h.run({ execute: taker.execute });
    await vi.waitFor(() => expect(h.clock.pendingCount).toBe(2));
    await h.clock.advance(2_000);
    await vi.waitFor(() => expect(taker.calls()).toBe(1));
    const result = await Promise.race([a, b]);
    expect(result).toMatchObject({
      slug: 'idempotency-request-in-progress',
      headers: { 'retry-after': '1', 'retry-after-ms': '1000' },
    });
    expect(h.clock.sleeps.slice(0, 8)).toEqual([10, 10, 20, 20, 40, 40, 80, 80]);
    expect(Math.max(...h.clock.sleeps)).toBe(250);
    expect(h.events.map(([name, event]) => [name, event.waitedMs ?? event.fence])).toEqual([
      ['onTakeOver', 2],
      ['onConflict', 2_000],
    ]);
  });

  it('in wait mode, executes the duplicate when the first releases the key', async () => {
    const h = createEngineHarness({ contract: { concurrent: 'wait' } });
    const first = deferredHandler();
    const running = h.run({ execute: first.execute });
    await vi.waitFor(() => expect(first.calls()).toBe(1));
    const waiting = h.run();
    await vi.waitFor(() => expect(h.clock.pendingCount).toBe(1));
    first.resolve({ status: 503, headers: {}, body: '' });
    await running;
    await h.clock.advance(10);
    expect(await waiting).toMatchObject({ kind: 'executed', response: { status: 201 } });
    expect(h.handler).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the request is aborted', async () => {
    const h = createEngineHarness({ contract: { concurrent: 'wait' } });
    const first = deferredHandler();
    void h.run({ execute: first.execute });
    await vi.waitFor(() => expect(first.calls()).toBe(1));
    const controller = new AbortController();
    const waiting = h.run({ signal: controller.signal });
    await vi.waitFor(() => expect(h.clock.pendingCount).toBe(1));
    controller.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
  });

  it('lets a later request take over an expired lease and fences the old holder', async () => {
    const h = createEngineHarness();
    const slow = deferredHandler();
    const old = h.run({ execute: slow.execute });
    await vi.waitFor(() => expect(slow.calls()).toBe(1));
    h.clock.setTime(h.clock.now() + 60_000);
    expect(await h.run()).toMatchObject({ kind: 'executed', response: { body: '{"id":"order-1"}' } });
    slow.resolve(created('order-late'));
    expect(await old).toMatchObject({ kind: 'executed', response: { body: '{"id":"order-late"}' } });
    expect(await h.run()).toMatchObject({ kind: 'replayed', response: { body: '{"id":"order-1"}' } });
    expect(h.events.map(([name, event]) => [name, event.fence ?? event.status])).toEqual([
      ['onTakeOver', 2],
      ['onFencedCompletion', 1],
      ['onReplay', 201],
    ]);
  });
});
