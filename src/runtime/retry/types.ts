/** How a delay is spread: see `computeDelay`. */
export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  multiplier: number;
  jitter: Jitter;
}

/** A status code (`503`), a range (`5XX`), `network` or `timeout`. */
export type RetryCondition = number | `${1 | 2 | 3 | 4 | 5}XX` | 'network' | 'timeout';

/** The merged `x-retry` of an operation, durations in milliseconds (the generator's `RetryContract` extends it). */
export interface RetryPolicy {
  /** Attempts in all, the first included; `1` means no retry. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** The whole call's deadline, waits included. */
  maxElapsedMs: number;
  /** One attempt's limit. */
  attemptTimeoutMs: number;
  retryOn: readonly RetryCondition[];
  /** `Retry-After` / `retry-after-ms` replace the computed delay. */
  respectRetryAfter: boolean;
}

/** Why an attempt is retried: `status` (with the status), `in-progress` (409 on the same key), ... */
export type RetryReason = 'network' | 'timeout' | 'status' | 'in-progress';

export interface AttemptEvent {
  /** 1-based number of the attempt about to start. */
  attempt: number;
  /** The idempotency key sent on every attempt of the call, if any. */
  key?: string | undefined;
}

export interface RetryEvent {
  /** 1-based number of the attempt that failed; the next attempt is `attempt + 1`. */
  attempt: number;
  reason: RetryReason;
  /** The wait before the next attempt (the server's hint when it replaced the computed delay). */
  delayMs: number;
  status?: number | undefined;
  key?: string | undefined;
}

export interface RetryHooks {
  onAttempt?: (event: AttemptEvent) => void;
  onRetry?: (event: RetryEvent) => void;
}
