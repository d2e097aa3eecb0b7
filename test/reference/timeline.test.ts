/**
 * The timeline is computed from the runtime's backoff; these tests run the runtime's own retry loop
 * (`executeWithRetry` on a fake clock, every attempt failing at once) and check that the picture's numbers
 * are the times at which the client really starts its attempts.
 */
import { describe, expect, it } from 'vitest';
import { computeTimeline } from '../../src/reference/timeline.js';
import { NetworkError } from '../../src/runtime/errors/index.js';
import { executeWithRetry } from '../../src/runtime/retry/index.js';
import type { RetryPolicy } from '../../src/runtime/retry/types.js';
import type { Random } from '../../src/runtime/shared/random.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { drive } from '../runtime/client/helpers/drive.js';

/** examples/payments.yaml's x-retry. */
const PAYMENTS: RetryPolicy = {
  maxAttempts: 4,
  backoff: { initialMs: 100, maxMs: 2_000, multiplier: 2, jitter: 'full' },
  maxElapsedMs: 20_000,
  attemptTimeoutMs: 5_000,
  retryOn: ['network', 'timeout', 503],
  respectRetryAfter: true,
};

/** The start time of every attempt the client makes when each fails at once (a network error). */
async function clientStarts(policy: RetryPolicy, random: Random): Promise<number[]> {
  const clock = new FakeClock(0);
  const starts: number[] = [];
  await drive(
    clock,
    executeWithRetry({
      policy,
      clock,
      random,
      hooks: { onAttempt: () => starts.push(clock.now()) },
      run: async ({ attempt }) => {
        throw new NetworkError({ retryable: true, attempts: attempt });
      },
    }),
  );
  return starts;
}

const ALMOST_ONE = 1 - 2 ** -40;

describe('computeTimeline', () => {
  it('draws the payments policy: full jitter waits of 0..100, 0..200, 0..400 ms', () => {
    const timeline = computeTimeline(PAYMENTS);
    expect(timeline.attempts.map((a) => a.wait)).toEqual([
      undefined,
      { minMs: 0, expectedMs: 50, maxMs: 100 },
      { minMs: 0, expectedMs: 100, maxMs: 200 },
      { minMs: 0, expectedMs: 200, maxMs: 400 },
    ]);
    expect(timeline.attempts.map((a) => a.start.maxMs)).toEqual([0, 100, 300, 700]);
    expect(timeline.attempts.every((a) => a.reach === 'always' && a.timeoutMs === 5_000)).toBe(true);
    expect(timeline).toMatchObject({ deadlineMs: 20_000, expected: 'exact', truncated: false });
  });

  it.each([
    ['full', PAYMENTS.backoff],
    ['equal', { ...PAYMENTS.backoff, jitter: 'equal' as const }],
    ['none', { ...PAYMENTS.backoff, jitter: 'none' as const }],
    ['decorrelated', { ...PAYMENTS.backoff, jitter: 'decorrelated' as const }],
  ])(
    'gives the start times the client has with %s jitter at its smallest and largest draws',
    async (_, backoff) => {
      const policy = { ...PAYMENTS, maxAttempts: 6, backoff };
      const timeline = computeTimeline(policy);
      const earliest = await clientStarts(policy, () => 0);
      const latest = await clientStarts(policy, () => ALMOST_ONE);
      expect(earliest).toEqual(timeline.attempts.map((a) => a.start.minMs));
      expect(latest).toHaveLength(timeline.attempts.length);
      latest.forEach((start, index) => {
        expect(start).toBeCloseTo(timeline.attempts[index]?.start.maxMs ?? Number.NaN, 3);
      });
    },
  );

  it('gives the mean start with linear jitter exactly (the draw 0.5)', async () => {
    const policy = { ...PAYMENTS, backoff: { ...PAYMENTS.backoff, jitter: 'equal' as const } };
    const timeline = computeTimeline(policy);
    expect(await clientStarts(policy, () => 0.5)).toEqual(timeline.attempts.map((a) => a.start.expectedMs));
  });

  it('estimates decorrelated means between the extremes, the same on every run', () => {
    const policy = { ...PAYMENTS, backoff: { ...PAYMENTS.backoff, jitter: 'decorrelated' as const } };
    const timeline = computeTimeline(policy);
    expect(timeline.expected).toBe('estimated');
    for (const { wait } of timeline.attempts.slice(1)) {
      expect(wait?.expectedMs).toBeGreaterThan(wait?.minMs ?? Number.NaN);
      expect(wait?.expectedMs).toBeLessThan(wait?.maxMs ?? Number.NaN);
    }
    expect(computeTimeline(policy)).toEqual(timeline);
  });

  it('marks the attempts the deadline cuts, as the client stops', async () => {
    // Waits of exactly 1, 2, 4 and 8 s: attempts start at 0, 1, 3 and 7 s; the fifth would start at 15 s.
    const policy: RetryPolicy = {
      ...PAYMENTS,
      maxAttempts: 6,
      maxElapsedMs: 10_000,
      backoff: { initialMs: 1_000, maxMs: 60_000, multiplier: 2, jitter: 'none' },
    };
    const timeline = computeTimeline(policy);
    expect(timeline.attempts.map((a) => [a.start.expectedMs, a.reach])).toEqual([
      [0, 'always'],
      [1_000, 'always'],
      [3_000, 'always'],
      [7_000, 'always'],
      [15_000, 'never'],
    ]);
    // The fourth attempt's timeout is cut to the 3 s left before the deadline.
    expect(timeline.attempts[3]?.timeoutMs).toBe(3_000);
    expect(await clientStarts(policy, () => 0)).toHaveLength(4);
  });

  it('marks an attempt that starts only on short draws as sometimes', () => {
    const policy: RetryPolicy = { ...PAYMENTS, maxAttempts: 3, maxElapsedMs: 250 };
    const [, second, third] = computeTimeline(policy).attempts;
    expect(second?.reach).toBe('always');
    expect(third?.reach).toBe('sometimes');
  });

  it.each([
    ['with timeout in retryOn', PAYMENTS, 4],
    ['without timeout in retryOn', { ...PAYMENTS, retryOn: ['network', 503] } as RetryPolicy, 1],
    ['with a deadline that cuts the second attempt', { ...PAYMENTS, maxElapsedMs: 9_000 }, 2],
  ])(
    'counts the attempts that start when every attempt times out, as the client does (%s)',
    async (_, policy, expected) => {
      const clock = new FakeClock(0);
      let attempts = 0;
      await drive(
        clock,
        executeWithRetry({
          policy,
          clock,
          random: () => 0.5,
          hooks: { onAttempt: () => attempts++ },
          // Never answers: every attempt ends on its timeout (or on the deadline).
          run: ({ signal }) =>
            new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
        }),
      );
      expect(computeTimeline(policy).attemptsIfAllTimeOut).toBe(attempts);
      expect(attempts).toBe(expected);
    },
  );

  it('draws at most 12 rows and says so', () => {
    const timeline = computeTimeline({ ...PAYMENTS, maxAttempts: 40, maxElapsedMs: 3_600_000 });
    expect(timeline.attempts).toHaveLength(12);
    expect(timeline.truncated).toBe(true);
  });
});
