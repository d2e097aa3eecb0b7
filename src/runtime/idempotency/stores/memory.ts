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
}

interface Entry {
  record: IdempotencyRecord;
  bytes: number;
}

/**
 * An in-process store: one process only, lost on restart, bounded. Expired records are dropped lazily when a
 * claim meets them and by `sweep()`. Over a bound, the oldest completed records (by completion time) are
 * evicted first; in-progress records are never evicted while their lease runs, so when live leases alone fill
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
  const sweepAt = (now: number): number => {
    let removed = 0;
    for (const map of [pending, done]) {
      for (const entry of map.values()) {
        if (!isRecordClaimable(entry.record, now)) continue;
        drop(entry.record.key);
        removed++;
      }
    }
    return removed;
  };
  const fits = (extra: number): boolean => pending.size + done.size < maxEntries && bytes + extra <= maxBytes;
  const makeRoom = (extra: number, now: number): void => {
    if (fits(extra)) return;
    sweepAt(now);
    for (const key of done.keys()) {
      if (fits(extra)) return;
      drop(key);
    }
    if (!fits(extra))
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
  };
}
