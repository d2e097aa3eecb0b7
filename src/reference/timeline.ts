/**
 * An operation's retry timeline, computed from the runtime's own backoff (`computeDelay`) so that the
 * reference shows what the generated client does: the wait before each retry at its smallest, expected and
 * largest under the jitter, when each attempt can start (attempts that fail at once), each attempt's timeout
 * and the deadline that ends the call.
 */
import { computeDelay } from '../runtime/retry/backoff.js';
import { retriesOn } from '../runtime/retry/classify.js';
import type { BackoffPolicy, RetryPolicy } from '../runtime/retry/types.js';
import { seededRandom } from '../runtime/testing/random.js';

/** Milliseconds: the smallest, expected (mean) and largest value under the jitter. */
export interface Spread {
  minMs: number;
  expectedMs: number;
  maxMs: number;
}

/** `always`: starts before the deadline whatever the jitter draws; `sometimes`: only on some draws. */
export type Reach = 'always' | 'sometimes' | 'never';

export interface TimelineAttempt {
  /** 1-based. */
  attempt: number;
  /** The wait before this attempt; absent for the first. */
  wait?: Spread;
  /** When it starts, counted from the call's start, if every earlier attempt fails at once. */
  start: Spread;
  reach: Reach;
  /** Its timeout when it starts at the expected time: `attemptTimeout`, cut by the rest of the deadline. */
  timeoutMs: number;
}

export interface Timeline {
  attempts: TimelineAttempt[];
  deadlineMs: number;
  attemptTimeoutMs: number;
  /** `exact` for none/full/equal jitter; `estimated` (a fixed-seed average) for decorrelated. */
  expected: 'exact' | 'estimated';
  /**
   * How many attempts start when every attempt runs into its timeout (expected waits): 1 when `retryOn` has
   * no `timeout`, else as many as the deadline lets start.
   */
  attemptsIfAllTimeOut: number;
  /** True when maxAttempts is more than the rows drawn (`MAX_ROWS`). */
  truncated: boolean;
}

/** Rows drawn at most; a policy with more attempts is summarized after them. */
export const MAX_ROWS = 12;
const SAMPLES = 4000;

/** The waits of a whole call (before attempts 2..n) when the jitter always draws `draw`. */
function waitsWith(backoff: BackoffPolicy, retries: number, draw: () => number): number[] {
  const waits: number[] = [];
  let previousDelay: number | undefined;
  for (let attempt = 1; attempt <= retries; attempt++) {
    const delay = computeDelay({ attempt, backoff, previousDelay, random: draw });
    waits.push(delay);
    previousDelay = delay;
  }
  return waits;
}

/**
 * The mean wait before each retry. `computeDelay` is linear in the draw for none, full and equal jitter, so
 * the draw 0.5 gives the mean exactly; decorrelated jitter depends on the previous draw and is averaged over
 * a fixed-seed sample (the same numbers on every run).
 */
function expectedWaits(backoff: BackoffPolicy, retries: number): number[] {
  if (backoff.jitter !== 'decorrelated') return waitsWith(backoff, retries, () => 0.5);
  const sums = new Array<number>(retries).fill(0);
  const random = seededRandom(22);
  for (let sample = 0; sample < SAMPLES; sample++) {
    waitsWith(backoff, retries, random).forEach((wait, index) => {
      sums[index] = (sums[index] ?? 0) + wait;
    });
  }
  return sums.map((sum) => sum / SAMPLES);
}

const reachOf = (start: Spread, deadlineMs: number): Reach => {
  if (start.minMs >= deadlineMs) return 'never';
  return start.maxMs >= deadlineMs ? 'sometimes' : 'always';
};

/** Attempts that start when each one before runs into its timeout (the runtime's deadline rules). */
function countIfAllTimeOut(policy: RetryPolicy, waits: readonly number[]): number {
  if (!retriesOn(policy.retryOn, 'timeout')) return 1;
  let now = 0;
  for (let attempt = 1; ; attempt++) {
    const remaining = policy.maxElapsedMs - now;
    // An attempt cut by the deadline ends the call; so does the last attempt.
    if (remaining <= policy.attemptTimeoutMs || attempt >= policy.maxAttempts) return attempt;
    now += policy.attemptTimeoutMs;
    const wait = waits[attempt - 1] ?? 0;
    if (wait >= policy.maxElapsedMs - now) return attempt;
    now += wait;
  }
}

export function computeTimeline(policy: RetryPolicy): Timeline {
  const rows = Math.min(policy.maxAttempts, MAX_ROWS);
  const retries = Math.max(0, rows - 1);
  const min = waitsWith(policy.backoff, retries, () => 0);
  // The draw is in [0, 1): 1 gives the supremum, the largest wait the jitter approaches.
  const max = waitsWith(policy.backoff, retries, () => 1);
  const expected = expectedWaits(policy.backoff, retries);
  const deadlineMs = policy.maxElapsedMs;
  const attempts: TimelineAttempt[] = [];
  let start: Spread = { minMs: 0, expectedMs: 0, maxMs: 0 };
  for (let attempt = 1; attempt <= rows; attempt++) {
    let wait: Spread | undefined;
    if (attempt > 1) {
      const index = attempt - 2;
      wait = { minMs: min[index] ?? 0, expectedMs: expected[index] ?? 0, maxMs: max[index] ?? 0 };
      start = {
        minMs: start.minMs + wait.minMs,
        expectedMs: start.expectedMs + wait.expectedMs,
        maxMs: start.maxMs + wait.maxMs,
      };
    }
    const reach = reachOf(start, deadlineMs);
    const timeoutMs = Math.max(0, Math.min(policy.attemptTimeoutMs, deadlineMs - start.expectedMs));
    attempts.push({ attempt, ...(wait ? { wait } : {}), start, reach, timeoutMs });
    if (reach === 'never') break;
  }
  const allWaits =
    policy.maxAttempts > rows ? expectedWaits(policy.backoff, policy.maxAttempts - 1) : expected;
  return {
    attempts,
    deadlineMs,
    attemptTimeoutMs: policy.attemptTimeoutMs,
    expected: policy.backoff.jitter === 'decorrelated' ? 'estimated' : 'exact',
    attemptsIfAllTimeOut: countIfAllTimeOut(policy, allWaits),
    truncated: policy.maxAttempts > rows,
  };
}
