import { describe, expect, it } from 'vitest';
import { isStoreUnavailableError } from '../../src/runtime/errors/index.js';
import type { StoredOutcome } from '../../src/runtime/idempotency/store.js';
import { createMemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import { RECORD_OVERHEAD_BYTES } from '../../src/runtime/idempotency/stores/record-size.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { describeStoreConformance } from './store.case.js';

describeStoreConformance('memory', { sweep: true, restart: false }, async (clock) => ({
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

  it('completes a record in its own slot: a store at maxEntries evicts nothing to complete one', async () => {
    const store = createMemoryStore({ maxEntries: 2 });
    await fill(store, ['a']);
    const b = await store.claim({ key: 'b', fingerprint: 'f', leaseMs: lease, now: 0 });
    if (b.kind !== 'claimed') throw new Error('expected claimed');
    expect(
      await store.complete({ key: 'b', token: b.token, outcome: outcome('b'), ttlMs: 60_000, now: 0 }),
    ).toBe(true);
    expect(store.size).toBe(2);
    expect((await store.get('a'))?.state).toBe('completed');
    expect((await store.get('b'))?.outcome?.body).toBe('b');
    // The completed record is the only one under its key: a third key evicts the oldest completion, `a`.
    await fill(store, ['c']);
    expect(store.size).toBe(2);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeDefined();
  });

  it('hands out a different fencing token for every claim, with the fence in front', async () => {
    const store = createMemoryStore();
    const tokens = new Set<string>();
    for (let fence = 1; fence <= 3; fence++) {
      const claim = await store.claim({ key: 'k', fingerprint: 'f', leaseMs: lease, now: fence * 2 * lease });
      if (claim.kind !== 'claimed') throw new Error('expected claimed');
      expect(claim.fence).toBe(fence);
      expect(claim.token.startsWith(`${fence}:`)).toBe(true);
      tokens.add(claim.token);
    }
    expect(tokens.size).toBe(3);
    const other = await createMemoryStore().claim({ key: 'k', fingerprint: 'f', leaseMs: lease, now: 0 });
    expect(other.kind === 'claimed' && !tokens.has(other.token)).toBe(true);
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

  it('claims past the bound cost amortized O(1) records examined, not a scan of the store', async () => {
    const store = createMemoryStore({ maxEntries: 1_000 });
    await fill(
      store,
      Array.from({ length: 1_000 }, (_, i) => `seed-${i}`),
    );
    const before = store.scanned;
    await fill(
      store,
      Array.from({ length: 20_000 }, (_, i) => `key-${i}`),
    );
    expect(store.size).toBe(1_000);
    // An O(n) sweep per claim and completion examines about 40,000 x 1,000 records.
    expect(store.scanned - before).toBeLessThan(20_000 * 4);
    expect((await store.get('key-19999'))?.state).toBe('completed');
    expect(await store.get('key-18999')).toBeUndefined();
  });

  it('does not rescan a store full of live leases until one may have expired, then drops it', async () => {
    const store = createMemoryStore({ maxEntries: 100 });
    for (let i = 0; i < 100; i++) {
      await store.claim({ key: `k${i}`, fingerprint: 'f', leaseMs: lease + i, now: 0 });
    }
    const before = store.scanned;
    for (let i = 0; i < 50; i++) {
      const error = await store
        .claim({ key: `x${i}`, fingerprint: 'f', leaseMs: lease, now: 10 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'full' });
    }
    expect(store.scanned - before).toBeLessThan(100);
    expect(await store.claim({ key: 'late', fingerprint: 'f', leaseMs: lease, now: lease })).toMatchObject({
      kind: 'claimed',
    });
    expect(await store.get('k0')).toBeUndefined();
    expect((await store.get('k1'))?.state).toBe('in-progress');
  });

  it('sweeps expired records anywhere in the store, not only at the front', async () => {
    const store = createMemoryStore({ maxEntries: 10 });
    const a = await store.claim({ key: 'a', fingerprint: 'f', leaseMs: 60_000, now: 0 });
    const b = await store.claim({ key: 'b', fingerprint: 'f', leaseMs: lease, now: 0 });
    if (a.kind !== 'claimed' || b.kind !== 'claimed') throw new Error('expected claimed');
    expect(
      await store.complete({ key: 'a', token: a.token, outcome: outcome(), ttlMs: 60_000, now: 0 }),
    ).toBe(true);
    expect(await store.complete({ key: 'b', token: b.token, outcome: outcome(), ttlMs: 10, now: 0 })).toBe(
      true,
    );
    expect(await store.sweep(100)).toBe(1);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
  });
});
