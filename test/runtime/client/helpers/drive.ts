import type { FakeClock } from '../../../../src/runtime/testing/fake-clock.js';

export interface Settled<T> {
  value?: T;
  error?: unknown;
  ok: boolean;
}

/**
 * Runs `promise` to completion on a fake clock: lets work run, then jumps to the next due sleep, and again,
 * until the promise settles. Fails if the promise is stuck with nothing scheduled.
 */
export const drive = async <T>(clock: FakeClock, promise: Promise<T>): Promise<Settled<T>> => {
  let result: Settled<T> | undefined;
  promise.then(
    (value) => {
      result = { value, ok: true };
    },
    (error: unknown) => {
      result = { error, ok: false };
    },
  );
  for (let wakes = 0; wakes < 1000; wakes++) {
    const woke = await clock.advanceToNext();
    if (result) return result;
    if (!woke) throw new Error(`stuck at t=${clock.now()} with nothing scheduled`);
  }
  throw new Error('too many wake-ups');
};
