import { AbortedError, BudgetExhaustedError, DeadlineExceededError, TimeoutError } from '../errors/index.js';
import { type Clock, systemClock } from '../shared/clock.js';
import { type Random, systemRandom } from '../shared/random.js';
import { createAttemptSignal } from './attempt-signal.js';
import { computeDelay } from './backoff.js';
import type { RetryBudget } from './budget.js';
import { retriesOn } from './classify.js';
import { DEFAULT_BACKOFF, DEFAULT_RETRY_ON } from './defaults.js';
import { retryVerdictOf } from './retry-verdict.js';
import type { RetryHooks, RetryPolicy } from './types.js';

export interface AttemptContext {
  /** 1-based attempt number. */
  attempt: number;
  /** Aborts on the caller's abort or this attempt's timeout; pass it to `fetch`. */
  signal: AbortSignal;
}

export interface ExecuteOptions<T> {
  /** One attempt: resolves on success; rejects with the runtime's errors (retryable ones are retried). */
  run: (context: AttemptContext) => Promise<T>;
  /** Undefined: one attempt, no timeout. */
  policy?: RetryPolicy | undefined;
  clock?: Clock;
  random?: Random;
  budget?: RetryBudget | undefined;
  signal?: AbortSignal | undefined;
  hooks?: RetryHooks | undefined;
  /** The idempotency key (reported to hooks and on errors). */
  key?: string | undefined;
  correlationId?: string | undefined;
  /** Per-call limits: they can only lower the policy's. */
  maxAttempts?: number | undefined;
  maxElapsedMs?: number | undefined;
}

export interface RetryResult<T> {
  value: T;
  attempts: number;
}

const lower = (limit: number, override: number | undefined): number =>
  override === undefined ? limit : Math.min(limit, Math.max(1, override));

/**
 * Runs `run` until it succeeds, fails permanently, or the policy stops it. An in-progress answer (409 on the
 * same key) is retried until the deadline even past `maxAttempts`, without touching the budget; its
 * `Retry-After` replaces the computed delay as any hint does. `maxElapsed` is a hard deadline:
 * each attempt's timeout is `min(attemptTimeout, remaining)` (running into the deadline ends the call with
 * `DeadlineExceededError`), and no wait starts unless at least the delay remains afterwards; when a
 * `Retry-After` hint is what does not fit, the error carries it as `retryAfterMs`. The caller's signal ends
 * attempts and waits at once with `AbortedError`.
 */
export const executeWithRetry = async <T>(options: ExecuteOptions<T>): Promise<RetryResult<T>> => {
  const { run, policy, budget, signal, hooks, key } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? systemRandom;
  const maxAttempts = lower(policy?.maxAttempts ?? 1, options.maxAttempts);
  const maxElapsedMs = lower(policy?.maxElapsedMs ?? Number.POSITIVE_INFINITY, options.maxElapsedMs);
  const attemptTimeoutMs = policy?.attemptTimeoutMs ?? Number.POSITIVE_INFINITY;
  const retryOn = policy?.retryOn ?? DEFAULT_RETRY_ON;
  const ids = { idempotencyKey: key, correlationId: options.correlationId };
  const deadline = clock.now() + maxElapsedMs;
  const aborted = (attempts: number) => new AbortedError({ ...ids, attempts, cause: signal?.reason });
  const pastDeadline = (attempts: number, cause?: unknown, retryAfterMs?: number) =>
    new DeadlineExceededError({ ...ids, retryable: true, attempts, cause, maxElapsedMs, retryAfterMs });

  if (signal?.aborted) throw aborted(0);
  let previousDelay: number | undefined;
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - clock.now();
    const timeoutMs = Math.min(attemptTimeoutMs, remaining);
    const cutByDeadline = remaining <= attemptTimeoutMs;
    hooks?.onAttempt?.({ attempt, key });
    const attemptSignal = createAttemptSignal({ clock, timeoutMs, signal });
    let error: unknown;
    try {
      const value = await Promise.race([
        run({ attempt, signal: attemptSignal.signal }),
        attemptSignal.aborted,
      ]);
      budget?.recordSuccess();
      return { value, attempts: attempt };
    } catch (caught) {
      error = caught;
    } finally {
      attemptSignal.dispose();
    }
    if (signal?.aborted) throw aborted(attempt);
    if (attemptSignal.timedOut()) {
      budget?.recordFailure();
      if (cutByDeadline) throw pastDeadline(attempt);
      error = new TimeoutError({
        ...ids,
        retryable: retriesOn(retryOn, 'timeout'),
        attempts: attempt,
        timeoutMs,
      });
    }
    const verdict = retryVerdictOf(error, retryOn);
    if (!verdict) throw error;
    // A 409 in-progress answer is no failure: the server is producing the outcome that a retry with the
    // same key will get. It is polled until the deadline, past maxAttempts (unless that is 1: no retry) and
    // whatever the budget holds, which it neither takes from nor is refused by.
    const polling = verdict.reason === 'in-progress' && maxAttempts > 1;
    if (!attemptSignal.timedOut() && !polling) budget?.recordFailure();
    if (attempt >= maxAttempts && !polling) throw error;
    if (budget && !polling && !budget.canRetry()) {
      throw new BudgetExhaustedError({ ...ids, retryable: true, attempts: attempt, cause: error });
    }
    const computed = computeDelay({
      attempt,
      backoff: policy?.backoff ?? DEFAULT_BACKOFF,
      previousDelay,
      random,
    });
    previousDelay = computed;
    const hint = policy?.respectRetryAfter ? verdict.retryAfterMs : undefined;
    const delayMs = hint ?? computed;
    if (delayMs >= deadline - clock.now()) throw pastDeadline(attempt, error, hint);
    hooks?.onRetry?.({ attempt, reason: verdict.reason, delayMs, status: verdict.status, key });
    try {
      await clock.sleep(delayMs, signal);
    } catch (sleepError) {
      if (signal?.aborted) throw aborted(attempt);
      throw sleepError;
    }
  }
};
