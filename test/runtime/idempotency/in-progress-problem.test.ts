/** The poll hint of a 409 in-progress answer: the contract's retryAfter, never longer than the lease's rest. */
import { describe, expect, it } from 'vitest';
import {
  createInProgressProblem,
  inProgressRetryAfterMs,
} from '../../../src/runtime/idempotency/problems.js';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';

describe('the Retry-After of 409 idempotency-request-in-progress', () => {
  it.each([
    // retryAfterMs, rest of the lease, retry-after, retry-after-ms
    [1_000, 60_000, '1', '1000'],
    [1_000, 1_500, '1', '1000'],
    [1_000, 999, '0', '999'],
    [1_000, 0, '0', '0'],
    [1_000, -5_000, '0', '0'],
    [250, 60_000, '1', '250'],
    [250, 100, '0', '100'],
    [2_500, 60_000, '3', '2500'],
    [2_500, 2_200, '2', '2200'],
    [90_000, 60_000, '60', '60000'],
  ])(
    'retryAfter %i ms with %i ms of lease left: Retry-After %s, retry-after-ms %s',
    (retryAfterMs, rest, seconds, ms) => {
      const clock = new FakeClock(1_700_000_000_000);
      clock.setTime(clock.now() + 123);
      const problem = createInProgressProblem({
        retryAfterMs,
        leaseExpiresAt: clock.now() + rest,
        now: clock.now(),
      });
      expect(problem).toMatchObject({ status: 409, slug: 'idempotency-request-in-progress' });
      expect(problem.headers).toEqual({ 'retry-after': seconds, 'retry-after-ms': ms });
      expect(Number(problem.headers['retry-after']) * 1000).toBeLessThanOrEqual(Math.max(0, rest));
      expect(
        inProgressRetryAfterMs({ retryAfterMs, leaseExpiresAt: clock.now() + rest, now: clock.now() }),
      ).toBe(Number(ms));
    },
  );

  it('without a known lease end (a fenced completion) is the poll hint alone', () => {
    const problem = createInProgressProblem({ retryAfterMs: 1_500, now: 0 });
    expect(problem.headers).toEqual({ 'retry-after': '2', 'retry-after-ms': '1500' });
  });
});
