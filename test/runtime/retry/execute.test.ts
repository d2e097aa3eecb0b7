import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src/runtime/client/index.js';
import { type AttemptEvent, executeWithRetry, type RetryEvent } from '../../../src/runtime/retry/index.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';
import { sequenceRandom } from '../../../src/runtime/testing/random.js';
import { drive } from '../client/helpers/drive.js';
import { policy } from '../client/helpers/fake-fetch.js';

const network = (attempts: number) => new NetworkError({ retryable: true, attempts });

describe('executeWithRetry', () => {
  it('retries retryable runtime errors and returns the value with the attempt count', async () => {
    const clock = new FakeClock(0);
    const seen: AttemptEvent[] = [];
    const retries: RetryEvent[] = [];
    const result = await drive(
      clock,
      executeWithRetry({
        policy: policy(),
        clock,
        random: sequenceRandom([0.5]),
        key: 'k',
        hooks: { onAttempt: (e) => seen.push(e), onRetry: (e) => retries.push(e) },
        run: async ({ attempt }) => {
          if (attempt < 3) throw network(attempt);
          return 'done';
        },
      }),
    );
    expect(result.value).toEqual({ value: 'done', attempts: 3 });
    expect(seen).toEqual([1, 2, 3].map((attempt) => ({ attempt, key: 'k' })));
    expect(retries.map((r) => [r.reason, r.delayMs])).toEqual([
      ['network', 100],
      ['network', 200],
    ]);
  });

  it('rethrows anything that is not a retryable runtime error after one attempt', async () => {
    const clock = new FakeClock(0);
    const bug = new RangeError('bug');
    let runs = 0;
    const result = await drive(
      clock,
      executeWithRetry({
        policy: policy(),
        clock,
        run: async () => {
          runs++;
          throw bug;
        },
      }),
    );
    expect(result.error).toBe(bug);
    expect(runs).toBe(1);
  });

  it('gives each attempt a signal that aborts on its timeout', async () => {
    const clock = new FakeClock(0);
    const reasons: unknown[] = [];
    const result = await drive(
      clock,
      executeWithRetry({
        policy: policy({ attemptTimeoutMs: 250, maxAttempts: 1 }),
        clock,
        run: ({ signal }) =>
          new Promise((_resolve, reject) => {
            signal.addEventListener('abort', () => {
              reasons.push(signal.reason);
              reject(signal.reason);
            });
          }),
      }),
    );
    expect(result.error).toMatchObject({ kind: 'timeout', timeoutMs: 250, attempts: 1 });
    expect(reasons).toHaveLength(1);
    expect((reasons[0] as DOMException).name).toBe('TimeoutError');
    expect(clock.now()).toBe(250);
  });

  it('without a policy makes one attempt with no timer', async () => {
    const clock = new FakeClock(0);
    const result = await drive(
      clock,
      executeWithRetry({
        clock,
        run: async ({ attempt }) => {
          expect(clock.pendingCount).toBe(0);
          throw network(attempt);
        },
      }),
    );
    expect(result.error).toMatchObject({ kind: 'network', attempts: 1 });
  });
});
