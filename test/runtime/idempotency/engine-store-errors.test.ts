import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/runtime/idempotency/index.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';
import { createEngineHarness, failingStore } from './engine-harness.js';

const memory = () => createMemoryStore({ clock: new FakeClock(0) });

describe('idempotency engine: store failures', () => {
  it('fails closed: 503 dependency-unavailable with Retry-After 1, and the handler never runs', async () => {
    const h = createEngineHarness({ store: failingStore(memory(), ['claim']) });
    const result = await h.run();
    expect(result).toEqual({
      kind: 'problem',
      slug: 'dependency-unavailable',
      status: 503,
      detail: expect.any(String),
      headers: { 'retry-after': '1' },
    });
    expect(result.kind === 'problem' && result.detail).not.toContain('10.0.0.7');
    expect(h.handler).not.toHaveBeenCalled();
    expect(h.events).toEqual([
      [
        'onStoreError',
        expect.objectContaining({ operation: 'claim', failOpen: false, error: expect.any(Error) }),
      ],
    ]);
  });

  it('fails open only when asked: the handler runs without deduplication and the hook says so', async () => {
    const h = createEngineHarness({ store: failingStore(memory(), ['claim']), failOpen: true });
    expect(await h.run()).toMatchObject({ kind: 'executed', response: { status: 201 } });
    expect(await h.run()).toMatchObject({ kind: 'executed', response: { status: 201 } });
    expect(h.handler).toHaveBeenCalledTimes(2);
    expect(h.events.map(([name, event]) => [name, event.failOpen])).toEqual([
      ['onStoreError', true],
      ['onStoreError', true],
    ]);
  });

  it('still answers when storing the outcome fails, and keeps the key: the handler ran', async () => {
    const base = memory();
    const h = createEngineHarness({ store: failingStore(base, ['complete', 'release']) });
    expect(await h.run()).toMatchObject({ kind: 'executed', response: { status: 201 } });
    expect(h.events).toEqual([['onStoreError', expect.objectContaining({ operation: 'complete' })]]);
    // Not released (a failing release would have been reported): a duplicate replays the held outcome.
    expect(await h.run()).toMatchObject({ kind: 'replayed', response: { status: 201 } });
    expect(h.handler).toHaveBeenCalledTimes(1);
    expect(await base.get(String(h.events[0]?.[1].storeKey))).toMatchObject({ state: 'in-progress' });
  });

  it('reports a failed release and still passes the outcome through', async () => {
    const h = createEngineHarness({ store: failingStore(memory(), ['release']) });
    const result = await h.run({ execute: async () => ({ status: 502, headers: {}, body: 'bad gateway' }) });
    expect(result).toMatchObject({ kind: 'executed', response: { status: 502 } });
    expect(h.events).toEqual([['onStoreError', expect.objectContaining({ operation: 'release' })]]);
  });

  it('treats a full memory store as unavailable (503), never running the handler unprotected', async () => {
    const clock = new FakeClock(0);
    const store = createMemoryStore({ clock, maxEntries: 1 });
    await store.claim({ key: 'other', fingerprint: 'f', leaseMs: 60_000, now: 1_700_000_000_000 });
    const h = createEngineHarness({ store });
    expect(await h.run()).toMatchObject({ slug: 'dependency-unavailable' });
    expect(h.handler).not.toHaveBeenCalled();
  });
});
