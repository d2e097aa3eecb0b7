import type { Clock } from '../../shared/clock.js';
import { systemClock } from '../../shared/clock.js';
import { StoreUnavailableError } from '../errors.js';
import type { IdempotencyRecord, IdempotencyStore } from '../store.js';
import { createFencingToken, isRecordClaimable } from '../store.js';
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
}

/**
 * An in-process store: one process only, lost on restart, bounded. Expired records are dropped lazily when a
 * claim meets them and by `sweep()`. Over a bound, expired leases at the front of the claim order are dropped,
 * then the oldest completed records (by completion time, expired or not) are evicted, so a claim at the bound
 * costs amortized O(1) (the whole store is scanned only when live leases fill it and one may have expired); in-progress records are never evicted while their lease runs, so when live leases alone fill
 * the store a claim fails with `StoreUnavailableError` (reason `full`), which the engine answers with 503:
 * the bound stays hard and no request runs without deduplication.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const clock = options.clock ?? systemClock;
  const pending = new Map<string, Entry>();
  const done = new Map<string, Entry>(); // in completion order: the first is the oldest
  let bytes = 0;

  const put = (map: Map<string, Entry>, record: IdempotencyRecord): void => {
    const entry = { record, bytes: recordToBytes(record) };
    map.set(record.key, entry);
    bytes += entry.bytes;
  };
  const drop = (key: string): void => {
    const entry = pending.get(key) ?? done.get(key);
    if (entry === undefined) return;
    pending.delete(key);
    done.delete(key);
    bytes -= entry.bytes;
  };
  // A lower bound on the earliest `leaseExpiresAt` in `pending`: removals only raise the true minimum, so
  // while `now` is below it no lease has expired and the full scan of a store full of leases is skipped.
  let earliestLease = Number.POSITIVE_INFINITY;
  let scanned = 0;

  const sweepDone = (now: number): number => {
    let removed = 0;
    for (const entry of done.values()) {
      scanned++;
      if (!isRecordClaimable(entry.record, now)) continue;
      drop(entry.record.key);
      removed++;
    }
    return removed;
  };
  const sweepAt = (now: number): number => {
    let removed = sweepDone(now);
    earliestLease = Number.POSITIVE_INFINITY;
    for (const entry of pending.values()) {
      scanned++;
      if (isRecordClaimable(entry.record, now)) {
        drop(entry.record.key);
        removed++;
      } else earliestLease = Math.min(earliestLease, entry.record.leaseExpiresAt ?? now);
    }
    return removed;
  };
  /** Drops expired records at the front of `map` (claim or completion order): O(1) amortized. */
  const sweepFront = (map: Map<string, Entry>, extra: number, now: number): void => {
    for (const entry of map.values()) {
      scanned++;
      if (fits(extra) || !isRecordClaimable(entry.record, now)) return;
      drop(entry.record.key);
    }
  };
  const fits = (extra: number): boolean => pending.size + done.size < maxEntries && bytes + extra <= maxBytes;
  /**
   * Amortized O(1): expired leases at the front of `pending`, then the oldest completed records (front of
   * `done`, each visited once before it is dropped), and only when no completed record is left and some lease
   * may have expired, one scan of `pending` (which also recomputes `earliestLease`).
   */
  const makeRoom = (extra: number, now: number): void => {
    if (fits(extra)) return;
    sweepFront(pending, extra, now);
    for (const key of done.keys()) {
      if (fits(extra)) return;
      scanned++;
      drop(key);
    }
    if (fits(extra)) return;
    if (now >= earliestLease) {
      sweepAt(now);
      if (fits(extra)) return;
    }
    throw new StoreUnavailableError('memory store full of in-progress records', { reason: 'full' });
  };

  return {
    async claim({ key, fingerprint, leaseMs, now }) {
      const current = (pending.get(key) ?? done.get(key))?.record;
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
      drop(key);
      const fence = (current?.fence ?? 0) + 1;
      const record: IdempotencyRecord = {
        key,
        state: 'in-progress',
        fingerprint,
        token: createFencingToken(fence),
        fence,
        leaseExpiresAt: now + leaseMs,
      };
      makeRoom(recordToBytes(record), now);
      put(pending, record);
      earliestLease = Math.min(earliestLease, record.leaseExpiresAt ?? now);
      return { kind: 'claimed', token: record.token, fence, takenOver: current?.state === 'in-progress' };
    },

    async complete({ key, token, outcome, ttlMs, now }) {
      const current = pending.get(key)?.record;
      if (current === undefined || current.token !== token) return false;
      drop(key);
      const { leaseExpiresAt: _lease, ...rest } = current;
      const record: IdempotencyRecord = { ...rest, state: 'completed', expiresAt: now + ttlMs, outcome };
      const size = recordToBytes(record);
      if (size > maxBytes)
        throw new StoreUnavailableError('outcome larger than the store', { reason: 'full' });
      makeRoom(size, now);
      put(done, record);
      return true;
    },

    async release({ key, token }) {
      if (pending.get(key)?.record.token !== token) return false;
      drop(key);
      return true;
    },

    async get(key) {
      const record = (pending.get(key) ?? done.get(key))?.record;
      return record === undefined ? undefined : { ...record };
    },

    async sweep(now = clock.now()) {
      return sweepAt(now);
    },

    get size() {
      return pending.size + done.size;
    },
    get bytes() {
      return bytes;
    },
    get scanned() {
      return scanned;
    },
  };
}
