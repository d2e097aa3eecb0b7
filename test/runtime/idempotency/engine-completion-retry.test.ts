/**
 * Storing an outcome fails after the handler ran (a store failover): the engine keeps the outcome, retries
 * the fenced completion in the background on its injected clock, answers same-process duplicates from it,
 * and never releases the key (other processes see it in progress and get 409).
 */
import { describe, expect, it } from 'vitest';
import { createIdempotencyEngine, createMemoryStore } from '../../../src/runtime/idempotency/index.js';
import {
  COMPLETION_RETRY_INITIAL_MS,
  COMPLETION_RETRY_MAX_MS,
} from '../../../src/runtime/idempotency/pending-completions.js';
import type { IdempotencyStore } from '../../../src/runtime/idempotency/store.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';
import {
  createEngineHarness,
  eventNames,
  flakyCompleteStore,
  makeContract,
  makeRequest,
} from './engine-harness.js';

const START = 1_700_000_000_000;

/** The store key the engine used (from the first hook event). */
const storeKeyOf = (events: ReturnType<typeof createEngineHarness>['events']): string =>
  String(events[0]?.[1].storeKey);

/** A second process: its own engine over the same store, with a handler that must not run. */
function otherProcess(store: IdempotencyStore, clock: FakeClock) {
  const engine = createIdempotencyEngine({ store, clock });
  let calls = 0;
  return {
    calls: () => calls,
    run: () =>
      engine.runIdempotent({
        contract: makeContract({ inProgressTimeoutMs: 10_000 }),
        request: makeRequest(),
        operationId: 'createOrder',
        replayHeaders: ['Location'],
        execute: async () => {
          calls++;
          return { status: 201, headers: {}, body: '{"id":"other"}' };
        },
      }),
  };
}

describe('idempotency engine: completion retried through a store outage', () => {
  it('answers the outcome, replays it in-process, stores it once the store is back, never releases', async () => {
    const clock = new FakeClock(START);
    const base = createMemoryStore({ clock });
    const store = flakyCompleteStore(base, 3);
    const h = createEngineHarness({ store, contract: { inProgressTimeoutMs: 10_000 } });
    h.clock.setTime(START);
    const other = otherProcess(store, h.clock);

    const first = await h.run();
    expect(first).toMatchObject({ kind: 'executed', response: { status: 201, body: '{"id":"order-1"}' } });
    const storeKey = storeKeyOf(h.events);
    expect(await base.get(storeKey)).toMatchObject({ state: 'in-progress' });
    expect(h.engine.pendingCompletions.size).toBe(1);

    // Same process: the held outcome, without a store call. Another process: 409 with the poll hint.
    const duplicate = await h.run();
    expect(duplicate).toMatchObject({
      kind: 'replayed',
      response: { status: 201, body: '{"id":"order-1"}', headers: { 'idempotent-replayed': 'true' } },
    });
    expect(await other.run()).toMatchObject({ status: 409, headers: { 'retry-after': '1' } });

    // Retries at +50, +100 (fail), +200 (stored): the fourth attempt in all.
    await h.clock.advance(COMPLETION_RETRY_INITIAL_MS);
    expect(store.completeCalls()).toBe(2);
    await h.clock.advance(100);
    expect(store.completeCalls()).toBe(3);
    expect(await base.get(storeKey)).toMatchObject({ state: 'in-progress' });
    await h.clock.advance(200);
    expect(store.completeCalls()).toBe(4);
    expect(await base.get(storeKey)).toMatchObject({ state: 'completed', outcome: { status: 201 } });
    expect(h.engine.pendingCompletions.size).toBe(0);
    expect(h.clock.sleeps).toEqual([50, 100, 200]);

    expect(await other.run()).toMatchObject({ kind: 'replayed', response: { body: '{"id":"order-1"}' } });
    expect(h.handler).toHaveBeenCalledTimes(1);
    expect(other.calls()).toBe(0);
    expect(store.releaseCalls()).toBe(0);
    expect(eventNames(h.events)).toEqual([
      'onStoreError',
      'onReplay',
      'onStoreError',
      'onStoreError',
      'onCompletionRetried',
    ]);
    expect(h.events.at(-1)?.[1]).toMatchObject({ result: 'stored', attempts: 4, status: 201 });
  });

  it('gives up before the lease ends, leaving the key in progress: after the lease a retry executes again', async () => {
    const base = createMemoryStore({ clock: new FakeClock(START) });
    const store = flakyCompleteStore(base, Number.POSITIVE_INFINITY);
    const h = createEngineHarness({ store, contract: { inProgressTimeoutMs: 3_000 } });
    h.clock.setTime(START);

    expect(await h.run()).toMatchObject({ kind: 'executed', response: { status: 201 } });
    const storeKey = storeKeyOf(h.events);
    // 50, 100, 200, 400, 800, then 1000 (the cap) while the next attempt still starts before the lease ends.
    await h.clock.runAll();
    expect(h.clock.sleeps).toEqual([50, 100, 200, 400, 800, COMPLETION_RETRY_MAX_MS]);
    expect(h.clock.now()).toBe(START + 2_550);
    expect(store.completeCalls()).toBe(7);
    expect(h.events.at(-1)).toEqual([
      'onCompletionRetried',
      expect.objectContaining({ result: 'abandoned', attempts: 7, status: 201 }),
    ]);
    expect(h.engine.pendingCompletions.size).toBe(0);
    // Not released: still in progress until the lease ends, then taken over (the documented limit).
    expect(store.releaseCalls()).toBe(0);
    expect(await base.get(storeKey)).toMatchObject({ state: 'in-progress', leaseExpiresAt: START + 3_000 });
    expect(await h.run()).toMatchObject({ status: 409 });
    h.clock.setTime(START + 3_000);
    expect(await h.run()).toMatchObject({ kind: 'executed' });
    expect(h.handler).toHaveBeenCalledTimes(2);
  });

  it('stops answering from the held outcome once the lease has ended', async () => {
    const base = createMemoryStore({ clock: new FakeClock(START) });
    const h = createEngineHarness({
      store: flakyCompleteStore(base, Number.POSITIVE_INFINITY),
      contract: { inProgressTimeoutMs: 3_000 },
    });
    h.clock.setTime(START);
    await h.run();
    h.clock.setTime(START + 2_999);
    expect(await h.run()).toMatchObject({ kind: 'replayed' });
    h.clock.setTime(START + 3_000);
    expect(h.engine.pendingCompletions.get(storeKeyOf(h.events))).toBeUndefined();
    expect(await h.run()).toMatchObject({ kind: 'executed' });
  });

  it('answers 422 to a duplicate with another fingerprint while the outcome is held', async () => {
    const base = createMemoryStore({ clock: new FakeClock(START) });
    const h = createEngineHarness({ store: flakyCompleteStore(base, 1) });
    await h.run();
    expect(await h.run({ request: makeRequest({ body: { item: 'pen' } }) })).toMatchObject({
      slug: 'idempotency-key-reused',
      status: 422,
    });
    expect(h.handler).toHaveBeenCalledTimes(1);
  });

  it('reports a retry that finds the key taken over as fenced, and does not overwrite it', async () => {
    const clock = new FakeClock(START);
    const base = createMemoryStore({ clock });
    const store = flakyCompleteStore(base, 1);
    const h = createEngineHarness({ store });
    h.clock.setTime(START);
    await h.run();
    const storeKey = storeKeyOf(h.events);
    // The record vanished (evicted, or expired in Redis) and another request claimed the key afresh.
    const record = await base.get(storeKey);
    if (record === undefined) throw new Error('no record');
    await base.release({ key: storeKey, token: record.token });
    const newer = await base.claim({ key: storeKey, fingerprint: 'f2', leaseMs: 60_000, now: START });
    expect(newer.kind).toBe('claimed');
    await h.clock.advance(COMPLETION_RETRY_INITIAL_MS);
    expect(eventNames(h.events)).toEqual(['onStoreError', 'onFencedCompletion', 'onCompletionRetried']);
    expect(h.events.at(-1)?.[1]).toMatchObject({ result: 'fenced', attempts: 2 });
    expect(await base.get(storeKey)).toMatchObject({ state: 'in-progress', fingerprint: 'f2' });
  });
});

describe('idempotency engine: a completion that failed on the way back', () => {
  it('reports stored, not fenced, when the failed attempt had in fact stored the outcome', async () => {
    const clock = new FakeClock(START);
    const base = createMemoryStore({ clock });
    let calls = 0;
    const store: IdempotencyStore = {
      ...base,
      claim: (input) => base.claim(input),
      get: (key) => base.get(key),
      release: (input) => base.release(input),
      // The first completion reaches the store, but its answer is lost (a command time-out).
      complete: async (input) => {
        const stored = await base.complete(input);
        if (++calls === 1) throw new Error(`command timed out (stored: ${stored})`);
        return stored;
      },
    };
    const h = createEngineHarness({ store });
    h.clock.setTime(START);
    await h.run();
    await h.clock.advance(COMPLETION_RETRY_INITIAL_MS);
    expect(eventNames(h.events)).toEqual(['onStoreError', 'onCompletionRetried']);
    expect(h.events.at(-1)?.[1]).toMatchObject({ result: 'stored', attempts: 2 });
  });
});
