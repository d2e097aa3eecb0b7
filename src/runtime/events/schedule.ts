/**
 * The sender's default schedule, Standard Webhooks' suggested one: after the first attempt, retries 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later (8 attempts over about 27.6 hours). A contract's `x-retry`
 * replaces it (`scheduleFromRetryPolicy`).
 *
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#deliverability-and-reliability
 */
import { computeDelay } from '../retry/backoff.js';
import { DEFAULT_RETRY_ON } from '../retry/defaults.js';
import type { RetryCondition, RetryPolicy } from '../retry/types.js';
import type { Random } from '../shared/random.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const STANDARD_WEBHOOKS_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** When to try again: the wait before attempt `attempt + 1`, or `undefined` to give up. */
export interface SendSchedule {
  maxAttempts: number;
  /** The delay after the `attempt`-th attempt failed (1-based). */
  delayAfter(attempt: number, previousDelay: number | undefined): number;
  /** Statuses (and `network`, `timeout`) worth another attempt. */
  retryOn: readonly RetryCondition[] | 'any-non-2xx';
  /** The whole delivery's deadline from the first attempt, if any. */
  maxElapsedMs?: number;
  attemptTimeoutMs: number;
  respectRetryAfter: boolean;
}

/** Standard Webhooks' schedule: every non-2XX status but 410 Gone, network errors and timeouts retried. */
export const STANDARD_WEBHOOKS_SCHEDULE: SendSchedule = {
  maxAttempts: STANDARD_WEBHOOKS_DELAYS_MS.length + 1,
  delayAfter: (attempt) => STANDARD_WEBHOOKS_DELAYS_MS[attempt - 1] ?? 0,
  retryOn: 'any-non-2xx',
  attemptTimeoutMs: 15 * SECOND,
  respectRetryAfter: true,
};

/** A contract's merged `x-retry` as a schedule (its backoff, attempts, deadline and `retryOn`). */
export function scheduleFromRetryPolicy(policy: RetryPolicy, random: Random = Math.random): SendSchedule {
  return {
    maxAttempts: policy.maxAttempts,
    delayAfter: (attempt, previousDelay) =>
      computeDelay({ attempt, backoff: policy.backoff, previousDelay, random }),
    retryOn: policy.retryOn.length > 0 ? policy.retryOn : DEFAULT_RETRY_ON,
    maxElapsedMs: policy.maxElapsedMs,
    attemptTimeoutMs: policy.attemptTimeoutMs,
    respectRetryAfter: policy.respectRetryAfter,
  };
}
