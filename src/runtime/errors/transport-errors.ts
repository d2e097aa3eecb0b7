import { type CallErrorInit, IdemgenError } from './idemgen-error.js';

/** Connection refused or reset, DNS failure, a body cut off: `fetch` (or reading the body) rejected. */
export class NetworkError extends IdemgenError {
  readonly kind = 'network' as const;
  constructor(init: CallErrorInit) {
    const reason = init.cause instanceof Error ? `: ${init.cause.message}` : '';
    super('network', `Network error${reason}`, init);
  }
}

/** An attempt ran past `attemptTimeout`. */
export class TimeoutError extends IdemgenError {
  readonly kind = 'timeout' as const;
  readonly timeoutMs: number;
  constructor(init: CallErrorInit & { timeoutMs: number }) {
    super('timeout', `Attempt timed out after ${init.timeoutMs} ms`, init);
    this.timeoutMs = init.timeoutMs;
  }
}

/** The caller's `AbortSignal` aborted the call; `cause` is the signal's reason. */
export class AbortedError extends IdemgenError {
  readonly kind = 'aborted' as const;
  constructor(init: Omit<CallErrorInit, 'retryable'>) {
    super('aborted', 'The call was aborted', { ...init, retryable: false });
  }
}

/**
 * The call's deadline (`maxElapsed`) passed or would pass before another attempt could run. `cause` is the
 * last attempt's error; `retryAfterMs` is the server's hint when that hint was what ran past the deadline.
 */
export class DeadlineExceededError extends IdemgenError {
  readonly kind = 'deadline-exceeded' as const;
  readonly maxElapsedMs: number;
  readonly retryAfterMs?: number;
  constructor(init: CallErrorInit & { maxElapsedMs: number; retryAfterMs?: number | undefined }) {
    const hint =
      init.retryAfterMs === undefined ? '' : ` (server asked to retry after ${init.retryAfterMs} ms)`;
    super(
      'deadline-exceeded',
      `Deadline of ${init.maxElapsedMs} ms exceeded after ${init.attempts} attempt(s)${hint}`,
      init,
    );
    this.maxElapsedMs = init.maxElapsedMs;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/** The client-wide retry budget is at half or less, so a transient failure was not retried; `cause` is it. */
export class BudgetExhaustedError extends IdemgenError {
  readonly kind = 'budget-exhausted' as const;
  constructor(init: CallErrorInit) {
    super('budget-exhausted', `Retry budget exhausted after ${init.attempts} attempt(s)`, init);
  }
}
