/**
 * One conformance suite for every idempotency store (memory, SQLite, PostgreSQL, Redis through ioredis and
 * node-redis). Store-agnostic: it only calls the store interface, with times from a FakeClock. What only some
 * stores can do is declared as capabilities, and the tests that need one are named skips elsewhere
 * (`… [needs sweep]`), never tests that return early and pass with nothing checked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimResult, IdempotencyStore, StoredOutcome } from '../../src/runtime/idempotency/index.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';

/** What the suite can exercise beyond the required interface; checked against the harness it gets. */
export interface StoreCapabilities {
  /** The store deletes expired records on `sweep(now)` (Redis expires its keys itself and has none). */
  sweep: boolean;
  /** The harness can close the store and open a new one over the same data (durable stores). */
  restart: boolean;
}

export interface StoreHarness {
  store: IdempotencyStore;
  /** Closes the store and opens a new one over the same data (durable stores only). */
  restart?: () => Promise<IdempotencyStore>;
  cleanup: () => Promise<void>;
}

const LEASE = 1_000;
const TTL = 5_000;
const outcome: StoredOutcome = {
  status: 201,
  headers: { 'content-type': 'application/json', location: '/orders/1' },
  body: '{"id":1,"note":"é ✓"}',
  bodyEncoding: 'text',
};

export function describeStoreConformance(
  name: string,
  capabilities: StoreCapabilities,
  makeStore: (clock: FakeClock) => Promise<StoreHarness>,
): void {
  describe(`${name} store conformance`, () => {
    let clock: FakeClock;
    let harness: StoreHarness;
    let store: IdempotencyStore;
    let keyCounter = 0;
    let key: string;

    beforeEach(async () => {
      clock = new FakeClock(1_700_000_000_000);
      harness = await makeStore(clock);
      store = harness.store;
      // A capability declared but missing (or there but undeclared) would skip or break tests silently.
      const actual = { sweep: store.sweep !== undefined, restart: harness.restart !== undefined };
      if (actual.sweep !== capabilities.sweep || actual.restart !== capabilities.restart) {
        throw new Error(`${name}: declared ${JSON.stringify(capabilities)}, has ${JSON.stringify(actual)}`);
      }
      key = `conformance-${Date.now()}-${keyCounter++}`;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const claim = (fingerprint = 'fp-1', k = key): Promise<ClaimResult> =>
      store.claim({ key: k, fingerprint, leaseMs: LEASE, now: clock.now() });
    const claimed = async (fingerprint = 'fp-1'): Promise<Extract<ClaimResult, { kind: 'claimed' }>> => {
      const result = await claim(fingerprint);
      if (result.kind !== 'claimed') throw new Error(`expected claimed, got ${result.kind}`);
      return result;
    };
    const complete = (token: string, body = outcome): Promise<boolean> =>
      store.complete({ key, token, outcome: body, ttlMs: TTL, now: clock.now() });

    it('lets exactly one of 50 concurrent claimers win', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => claim()));
      expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
      const others = results.filter((r) => r.kind !== 'claimed');
      expect(others).toHaveLength(49);
      for (const other of others) {
        expect(other).toEqual({
          kind: 'in-progress',
          fingerprint: 'fp-1',
          leaseExpiresAt: clock.now() + LEASE,
        });
      }
    });

    it('reports the stored fingerprint to a claimer with another one', async () => {
      await claimed('fp-1');
      expect(await claim('fp-2')).toMatchObject({ kind: 'in-progress', fingerprint: 'fp-1' });
    });

    it('answers a completed record with its outcome and fingerprint', async () => {
      const first = await claimed();
      clock.setTime(clock.now() + 10);
      expect(await complete(first.token)).toBe(true);
      expect(await claim('fp-other')).toEqual({ kind: 'completed', fingerprint: 'fp-1', outcome });
      expect(await store.get(key)).toMatchObject({
        state: 'completed',
        expiresAt: clock.now() + TTL,
        outcome,
      });
    });

    it('keeps a base64 body and an empty header set', async () => {
      const binary: StoredOutcome = { status: 200, headers: {}, body: 'AAEC/w==', bodyEncoding: 'base64' };
      expect(await complete((await claimed()).token, binary)).toBe(true);
      expect(await claim()).toEqual({ kind: 'completed', fingerprint: 'fp-1', outcome: binary });
    });

    it('expires a completed record at its TTL, measured on the given clock', async () => {
      const first = await claimed();
      await complete(first.token);
      clock.setTime(clock.now() + TTL - 1);
      expect((await claim()).kind).toBe('completed');
      clock.setTime(clock.now() + 1);
      const again = await claim('fp-2');
      expect(again).toMatchObject({ kind: 'claimed', takenOver: false });
    });

    it('keeps a lease until it runs out, then lets one claimer take it over with a higher fence', async () => {
      const first = await claimed();
      expect(first.takenOver).toBe(false);
      clock.setTime(clock.now() + LEASE - 1);
      expect((await claim()).kind).toBe('in-progress');
      clock.setTime(clock.now() + 1);
      const results = await Promise.all(Array.from({ length: 20 }, () => claim()));
      const winners = results.filter((r) => r.kind === 'claimed');
      expect(winners).toHaveLength(1);
      const second = winners[0]!;
      expect(second.takenOver).toBe(true);
      expect(second.fence).toBeGreaterThan(first.fence);
      expect(second.token).not.toBe(first.token);
    });

    it('fences the old holder after a take-over: it can neither complete nor release', async () => {
      const first = await claimed();
      clock.setTime(clock.now() + LEASE);
      const second = await claimed();
      expect(await complete(first.token)).toBe(false);
      expect(await store.release({ key, token: first.token })).toBe(false);
      expect(await store.get(key)).toMatchObject({ state: 'in-progress', token: second.token });
      expect(await complete(second.token)).toBe(true);
      expect(await complete(first.token)).toBe(false);
      expect(await claim()).toEqual({ kind: 'completed', fingerprint: 'fp-1', outcome });
    });

    it.skipIf(!capabilities.sweep)(
      'fences a holder whose record was swept and claimed afresh [needs sweep]',
      async () => {
        const first = await claimed();
        clock.setTime(clock.now() + LEASE);
        expect(await store.sweep?.(clock.now())).toBeGreaterThanOrEqual(1);
        expect(await store.get(key)).toBeUndefined();
        const second = await claimed();
        expect(await complete(first.token)).toBe(false);
        expect(await complete(second.token)).toBe(true);
      },
    );

    it('lets the holder complete after its lease ran out if nobody took it over', async () => {
      const first = await claimed();
      clock.setTime(clock.now() + LEASE * 3);
      expect(await complete(first.token)).toBe(true);
      expect((await claim()).kind).toBe('completed');
    });

    it('frees the key on release by its holder only', async () => {
      const first = await claimed();
      expect(await store.release({ key, token: 'not-the-token' })).toBe(false);
      expect(await store.release({ key, token: first.token })).toBe(true);
      expect(await store.get(key)).toBeUndefined();
      expect(await store.release({ key, token: first.token })).toBe(false);
      expect(await claim('fp-2')).toMatchObject({ kind: 'claimed', takenOver: false });
    });

    it('does not release or complete twice', async () => {
      const first = await claimed();
      expect(await complete(first.token)).toBe(true);
      expect(await store.release({ key, token: first.token })).toBe(false);
      expect(await complete(first.token)).toBe(false);
      expect((await store.get(key))?.state).toBe('completed');
    });

    it('keeps keys apart', async () => {
      await claimed();
      expect(await claim('fp-1', `${key}-b`)).toMatchObject({ kind: 'claimed' });
    });

    it.skipIf(!capabilities.sweep)('sweeps only expired records [needs sweep]', async () => {
      const done = await claimed();
      await complete(done.token);
      await claim('fp-1', `${key}-live`);
      clock.setTime(clock.now() + LEASE);
      expect(await store.sweep?.(clock.now())).toBeGreaterThanOrEqual(1);
      expect(await store.get(`${key}-live`)).toBeUndefined();
      expect((await store.get(key))?.state).toBe('completed');
    });

    it.skipIf(!capabilities.restart)(
      'replays a completed record and keeps a lease after a restart [needs restart]',
      async () => {
        await complete((await claimed()).token);
        await store.claim({ key: `${key}-running`, fingerprint: 'fp-r', leaseMs: LEASE, now: clock.now() });
        if (!harness.restart) throw new Error('restart declared but missing');
        store = await harness.restart();
        expect(await claim()).toEqual({ kind: 'completed', fingerprint: 'fp-1', outcome });
        expect(await claim('fp-r', `${key}-running`)).toMatchObject({
          kind: 'in-progress',
          fingerprint: 'fp-r',
        });
      },
    );
  });
}
