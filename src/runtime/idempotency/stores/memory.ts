import { StoreUnavailableError } from '../../errors/index.js';
import type { Clock } from '../../shared/clock.js';
import { systemClock } from '../../shared/clock.js';
import { randomUuid } from '../../shared/uuid.js';
import type { IdempotencyRecord, IdempotencyStore } from '../store.js';
import { isRecordClaimable } from '../store.js';
import { recordToBytes } from './record-size.js';

export interface MemoryStoreOptions {
  /** Most records held at once, in progress and completed together. */
  maxEntries?: number;
  /** Most bytes held at once (see `recordToBytes`: an estimate, not a heap measurement). */
  maxBytes?: number;
  /** Read by `sweep()` without an argument. Claims and completions use the engine's `now`. */
  clock?: Clock;
}

export interface MemoryStore extends IdempotencyStore {
  sweep(now?: number): Promise<number>;
  /** Records held (in progress and completed, expired ones not yet swept included). */
  readonly size: number;
  /** Estimated bytes held. */
  readonly bytes: number;
  /** Records examined while making room and sweeping, since creation (diagnostics and cost tests). */
  readonly scanned: number;
}

interface Entry {
  record: IdempotencyRecord;
  bytes: number;
  /** False once the entry left the store (dropped, or replaced by its completion). */
  live: boolean;
}

/**
 * Entries in insertion order, consumed from the front. An array with a head index rather than a `Map`
 * iterated from its start: V8 leaves deleted `Map` slots in place until it rehashes, so iterating from the
 * front after many deletions skips them all, every time (that was 12% of a new-key request at the bound).
 * Entries that left the store stay in the queue until they reach the front (`live` is false).
 */
class EntryQueue {
  private items: Entry[] = [];
  private head = 0;
  push(entry: Entry): void {
    this.items.push(entry);
  }
  peek(): Entry | undefined {
    return this.items[this.head];
  }
  shift(): void {
    this.items[this.head++] = undefined as unknown as Entry;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * An in-process store: one process only, lost on restart, bounded. Expired records are dropped lazily when a
 * claim meets them and by `sweep()`. Over a bound, expired leases at the front of the claim order are dropped,
 * then the oldest completed records (by completion time, expired or not) are evicted, so a claim at the bound
 * costs amortized O(1) (the whole store is scanned only when live leases fill it and one may have expired);
 * in-progress records are never evicted while their lease runs, so when live leases alone fill the store a
 * claim fails with `StoreUnavailableError` (reason `full`), which the engine answers with 503: the bound
 * stays hard and no request runs without deduplication.
 *
 * @example
 * ```ts
 * const store = createMemoryStore({ maxEntries: 100_000, maxBytes: 64 * 1024 * 1024 });
 * const server = createServer({ handlers, store });
 * setInterval(() => void store.sweep(), 60_000).unref(); // optional: expiry is also lazy
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const clock = options.clock ?? systemClock;
  const entries = new Map<string, Entry>();
  const claimOrder = new EntryQueue(); // in-progress records, oldest claim first
  const doneOrder = new EntryQueue(); // completed records, oldest completion first
  let bytes = 0;
  // Fencing tokens: `<fence>:<this store's random id>.<counter>`, unique among the tokens this store hands out
  // (a UUID per claim cost more than the rest of the claim).
  const tokenPrefix = randomUuid();
  let tokens = 0;
  const nextToken = (fence: number): string => `${fence}:${tokenPrefix}.${++tokens}`;

  const put = (record: IdempotencyRecord): void => {
    const entry: Entry = { record, bytes: recordToBytes(record), live: true };
    entries.set(record.key, entry);
    bytes += entry.bytes;
    (record.state === 'completed' ? doneOrder : claimOrder).push(entry);
  };
  const drop = (entry: Entry): void => {
    if (!entry.live) return;
    entry.live = false;
    entries.delete(entry.record.key);
    bytes -= entry.bytes;
  };
  // A lower bound on the earliest `leaseExpiresAt` of the in-progress records: removals only raise the true
  // minimum, so while `now` is below it no lease has expired and the full scan of a store full of leases is
  // skipped.
  let earliestLease = Number.POSITIVE_INFINITY;
  let scanned = 0;

  const sweepAt = (now: number): number => {
    let removed = 0;
    earliestLease = Number.POSITIVE_INFINITY;
    for (const entry of entries.values()) {
      scanned++;
      if (isRecordClaimable(entry.record, now)) {
        drop(entry);
        removed++;
      } else if (entry.record.state === 'in-progress') {
        earliestLease = Math.min(earliestLease, entry.record.leaseExpiresAt ?? now);
      }
    }
    return removed;
  };
  // `slots`: the `entries` slots the record needs (a completion takes over its claim's: 0).
  const fits = (extra: number, slots: number): boolean =>
    entries.size + slots <= maxEntries && bytes + extra <= maxBytes;
  /**
   * Amortized O(1): expired leases at the front of the claim order, then the oldest completed records (each
   * queue entry is visited once before it leaves the queue), and only when no completed record is left and
   * some lease may have expired, one scan of the store (which also recomputes `earliestLease`).
   */
  const makeRoom = (extra: number, now: number, slots = 1): void => {
    if (fits(extra, slots)) return;
    for (
      let entry = claimOrder.peek();
      entry !== undefined && !fits(extra, slots);
      entry = claimOrder.peek()
    ) {
      scanned++;
      if (entry.live && !isRecordClaimable(entry.record, now)) break;
      drop(entry);
      claimOrder.shift();
    }
    for (let entry = doneOrder.peek(); entry !== undefined && !fits(extra, slots); entry = doneOrder.peek()) {
      scanned++;
      drop(entry);
      doneOrder.shift();
    }
    if (fits(extra, slots)) return;
    if (now >= earliestLease) {
      sweepAt(now);
      if (fits(extra, slots)) return;
    }
    throw new StoreUnavailableError('memory store full of in-progress records', { reason: 'full' });
  };

  return {
    name: 'memory',
    async claim({ key, fingerprint, leaseMs, now }) {
      const existing = entries.get(key);
      const current = existing?.record;
      if (current !== undefined && !isRecordClaimable(current, now)) {
        if (current.state === 'completed' && current.outcome !== undefined) {
          return { kind: 'completed', fingerprint: current.fingerprint, outcome: current.outcome };
        }
        return {
          kind: 'in-progress',
          fingerprint: current.fingerprint,
          leaseExpiresAt: current.leaseExpiresAt ?? now,
        };
      }
      if (existing !== undefined) drop(existing);
      const fence = (current?.fence ?? 0) + 1;
      const record: IdempotencyRecord = {
        key,
        state: 'in-progress',
        fingerprint,
        token: nextToken(fence),
        fence,
        leaseExpiresAt: now + leaseMs,
      };
      makeRoom(recordToBytes(record), now);
      put(record);
      earliestLease = Math.min(earliestLease, record.leaseExpiresAt ?? now);
      return { kind: 'claimed', token: record.token, fence, takenOver: current?.state === 'in-progress' };
    },

    async complete({ key, token, outcome, ttlMs, now }) {
      const existing = entries.get(key);
      const current = existing?.record;
      if (existing === undefined || current?.state !== 'in-progress' || current.token !== token) return false;
      // Written out rather than `{ ...rest }`: object rest/spread was a third of `complete`'s time.
      const record: IdempotencyRecord = {
        key,
        state: 'completed',
        fingerprint: current.fingerprint,
        token,
        fence: current.fence,
        expiresAt: now + ttlMs,
        outcome,
      };
      const size = recordToBytes(record);
      // The in-progress entry leaves the store, but its `entries` slot is overwritten by `put` rather than
      // deleted and added again (a `Map` delete leaves a hole until the next rehash).
      existing.live = false;
      bytes -= existing.bytes;
      try {
        if (size > maxBytes)
          throw new StoreUnavailableError('outcome larger than the store', { reason: 'full' });
        makeRoom(size, now, 0);
      } catch (error) {
        entries.delete(key);
        throw error;
      }
      put(record);
      return true;
    },

    async release({ key, token }) {
      const existing = entries.get(key);
      if (
        existing === undefined ||
        existing.record.state !== 'in-progress' ||
        existing.record.token !== token
      )
        return false;
      drop(existing);
      return true;
    },

    async get(key) {
      const record = entries.get(key)?.record;
      return record === undefined ? undefined : { ...record };
    },

    async sweep(now = clock.now()) {
      return sweepAt(now);
    },

    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    get scanned() {
      return scanned;
    },
  };
}
