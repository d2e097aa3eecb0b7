import type { IdempotencyStore } from './store.js';

/**
 * Hooks for metrics and logs. `storeKey` is the hashed, scoped key (never the client's raw key). A hook that
 * throws or rejects is ignored: observing a request never changes its answer.
 */
export interface IdempotencyEvent {
  operationId: string;
  storeKey: string;
}

export type StoreOperation = 'claim' | 'complete' | 'release';

/** What one request's observer hears (`idempotency.<name>` span events in telemetry). */
export type IdempotencyEventName =
  | 'claim'
  | 'replay'
  | 'conflict'
  | 'mismatch'
  | 'take_over'
  | 'fenced_completion'
  | 'store_error';

/**
 * One request's observer (the server's telemetry): the engine's events as they happen, and a wrapper of the
 * store for this request's calls (to time them). Unlike hooks it is per request, so that the events reach
 * that request's span; absent, the engine builds nothing for it.
 */
export interface IdempotencyObserver {
  event(name: IdempotencyEventName, attributes?: Record<string, string | number | boolean>): void;
  store?(store: IdempotencyStore): IdempotencyStore;
}

export interface IdempotencyHooks {
  /** A duplicate was answered with the stored outcome. */
  onReplay?(event: IdempotencyEvent & { status: number }): void;
  /** A duplicate met a running request and got 409 (`waitedMs` is 0 in `reject` mode). */
  onConflict?(event: IdempotencyEvent & { leaseExpiresAt: number; waitedMs: number }): void;
  /** The key was used before with a different fingerprint (422). */
  onMismatch?(event: IdempotencyEvent & { state: 'in-progress' | 'completed' }): void;
  /** An expired lease was taken over; `fence` is the new holder's. */
  onTakeOver?(event: IdempotencyEvent & { fence: number }): void;
  /** The store failed. `failOpen` is the engine's setting: on a failed claim, whether the handler ran anyway. */
  onStoreError?(
    event: IdempotencyEvent & { operation: StoreOperation; error: unknown; failOpen: boolean },
  ): void;
  /**
   * The store refused the outcome because the record is no longer held under this request's token (its
   * lease was taken over, or it ran out and was swept): the outcome was not stored, but it was still sent.
   */
  onFencedCompletion?(event: IdempotencyEvent & { fence: number; status: number }): void;
  /**
   * Storing an outcome failed after its handler ran, and the engine retried it in the background: `stored`
   * (the record completed; a duplicate now replays it), `fenced` (another holder took the key over), or
   * `abandoned` (the lease was about to end: the outcome was never stored, and a retry after the lease
   * executes again). `attempts` counts every completion attempt, the first one included.
   */
  onCompletionRetried?(
    event: IdempotencyEvent & { result: 'stored' | 'fenced' | 'abandoned'; attempts: number; status: number },
  ): void;
}

/**
 * Calls `hook` (when there is one) with `event` and the `extra` fields; nothing is built when there is no
 * hook (the spread of the event was a measurable share of a replay's time).
 */
export function fireHook<X extends object>(
  hook: ((event: IdempotencyEvent & X) => void) | undefined,
  event: IdempotencyEvent,
  extra: X,
): void {
  if (hook === undefined) return;
  try {
    const result: unknown = hook({ ...event, ...extra });
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // Ignored on purpose, see above.
  }
}
