import type { Clock } from '../shared/clock.js';

interface PendingSleep {
  due: number;
  seq: number;
  resolve: () => void;
  cancel: () => void;
}

const FLUSH_TURNS = 8;
/** `setImmediate` where the runtime has it (Node, Bun): much faster than `setTimeout(0)`. Typed locally. */
const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
const macrotask = (): Promise<void> =>
  new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));

/**
 * Lets pending continuations run (a few macrotask turns, so that promise chains that read a `Response` body
 * finish) before time moves on; woken code can then schedule new sleeps.
 */
const flush = async (): Promise<void> => {
  for (let turn = 0; turn < FLUSH_TURNS; turn++) await macrotask();
};

/**
 * A test clock. Time stands still until `advance(ms)`, which wakes due sleeps one at a time in order of their
 * due time (ties in the order they were scheduled), setting `now()` to each sleep's exact due time before it
 * wakes, and lets the woken code run before the next one.
 */
export class FakeClock implements Clock {
  #now: number;
  #seq = 0;
  #pending: PendingSleep[] = [];
  /** Every duration passed to `sleep`, in call order (handy for asserting exact delays). */
  readonly sleeps: number[] = [];

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Number of sleeps not yet woken or cancelled. */
  get pendingCount(): number {
    return this.#pending.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        this.#pending = this.#pending.filter((p) => p !== entry);
        reject(signal?.reason);
      };
      const entry: PendingSleep = {
        due: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        cancel: onAbort,
      };
      this.#pending.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward by `ms`, waking every sleep that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await flush();
    for (let next = this.#nextDue(target); next; next = this.#nextDue(target)) {
      this.#pending = this.#pending.filter((p) => p !== next);
      this.#now = next.due;
      next.resolve();
      await flush();
    }
    this.#now = Math.max(this.#now, target);
  }

  /** Lets pending work run, then advances to the next due sleep and wakes it. False when none is pending. */
  async advanceToNext(): Promise<boolean> {
    await flush();
    const next = this.#nextDue(Number.POSITIVE_INFINITY);
    if (!next) return false;
    await this.advance(next.due - this.#now);
    return true;
  }

  /** Advances to each next due sleep until none is pending (at most `limit` wake-ups). Returns the count. */
  async runAll(limit = 1000): Promise<number> {
    let woken = 0;
    while (woken < limit && (await this.advanceToNext())) woken++;
    return woken;
  }

  /** Sets the time without waking anything (for tests of wall-clock jumps). */
  setTime(now: number): void {
    this.#now = now;
  }

  #nextDue(limit: number): PendingSleep | undefined {
    let best: PendingSleep | undefined;
    for (const p of this.#pending) {
      if (p.due > limit) continue;
      if (!best || p.due < best.due || (p.due === best.due && p.seq < best.seq)) best = p;
    }
    return best;
  }
}
