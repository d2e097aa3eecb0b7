import { describe, expect, it } from 'vitest';
import { isStoreUnavailableError } from '../../src/runtime/idempotency/errors.js';
import type { StoredOutcome } from '../../src/runtime/idempotency/store.js';
import { createMemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import { RECORD_OVERHEAD_BYTES } from '../../src/runtime/idempotency/stores/record-size.js';
import { FakeClock } from '../../src/runtime/shared/fake-clock.js';
import { describeStoreConformance } from './store.case.js';

describeStoreConformance('memory', async (clock) => ({
  store: createMemoryStore({ clock }),
  cleanup: async () => {},
}));

const outcome = (body = ''): StoredOutcome => ({ status: 200, headers: {}, body, bodyEncoding: 'text' });
const lease = 1_000;

describe('memory store bounds', () => {
  const fill = async (
    store: ReturnType<typeof createMemoryStore>,
    keys: string[],
    body = '',
  ): Promise<void> => {
    for (const key of keys) {
      const claim = await store.claim({ key, fingerprint: 'f', leaseMs: lease, now: 0 });
      if (claim.kind !== 'claimed') throw new Error('expected claimed');
      expect(
        await store.complete({ key, token: claim.token, outcome: outcome(body), ttlMs: 60_000, now: 0 }),
      ).toBe(true);
    }
  };

  it('evicts the oldest completed records when over maxEntries', async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    await fill(store, ['a', 'b', 'c', 'd']);
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBeUndefined();
    expect((await store.get('d'))?.state).toBe('completed');
  });

  it('evicts by completion order, not by claim order', async () => {
    const store = createMemoryStore({ maxEntries: 2 });
    const a = await store.claim({ key: 'a', fingerprint: 'f', leaseMs: lease, now: 0 });
    await fill(store, ['b']);
    if (a.kind !== 'claimed') throw new Error('expected claimed');
    await store.complete({ key: 'a', token: a.token, outcome: outcome(), ttlMs: 60_000, now: 0 });
    await fill(store, ['c']);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
  });

  it('evicts the oldest completed records when over maxBytes', async () => {
    const body = 'x'.repeat(1_000);
    const store = createMemoryStore({ maxBytes: 3 * (RECORD_OVERHEAD_BYTES + 2_400) });
    await fill(store, ['a', 'b', 'c', 'd', 'e'], body);
    expect(store.bytes).toBeLessThanOrEqual(3 * (RECORD_OVERHEAD_BYTES + 2_400));
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('e'))?.outcome?.body).toBe(body);
  });

  it('never evicts live in-progress records: a full store refuses new claims', async () => {
    const store = createMemoryStore({ maxEntries: 2 });
    await store.claim({ key: 'a', fingerprint: 'f', leaseMs: lease, now: 0 });
    await store.claim({ key: 'b', fingerprint: 'f', leaseMs: lease, now: 0 });
    const error = await store
      .claim({ key: 'c', fingerprint: 'f', leaseMs: lease, now: 1 })
      .catch((e: unknown) => e);
    expect(isStoreUnavailableError(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'full' });
    expect((await store.get('a'))?.state).toBe('in-progress');
    expect((await store.get('b'))?.state).toBe('in-progress');
  });

  it('makes room by dropping expired leases before refusing', async () => {
    const store = createMemoryStore({ maxEntries: 2 });
    await store.claim({ key: 'a', fingerprint: 'f', leaseMs: lease, now: 0 });
    await store.claim({ key: 'b', fingerprint: 'f', leaseMs: lease * 2, now: 0 });
    expect(await store.claim({ key: 'c', fingerprint: 'f', leaseMs: lease, now: lease })).toMatchObject({
      kind: 'claimed',
    });
    expect(await store.get('a')).toBeUndefined();
  });

  it('refuses an outcome larger than the whole store and frees its key', async () => {
    const store = createMemoryStore({ maxBytes: 1_000 });
    const claim = await store.claim({ key: 'a', fingerprint: 'f', leaseMs: lease, now: 0 });
    if (claim.kind !== 'claimed') throw new Error('expected claimed');
    const big = outcome('x'.repeat(1_000));
    const error = await store
      .complete({ key: 'a', token: claim.token, outcome: big, ttlMs: 1, now: 0 })
      .catch((e) => e);
    expect(isStoreUnavailableError(error)).toBe(true);
    expect(await store.get('a')).toBeUndefined();
    expect(store.bytes).toBe(0);
  });

  it('sweeps with its own clock when no time is given, and keeps the byte count exact', async () => {
    const clock = new FakeClock(0);
    const store = createMemoryStore({ clock });
    await fill(store, ['a', 'b'], 'body');
    expect(store.bytes).toBeGreaterThan(0);
    expect(await store.sweep()).toBe(0);
    clock.setTime(60_000);
    expect(await store.sweep()).toBe(2);
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });
});
