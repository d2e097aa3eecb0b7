/**
 * Counts for events (webhook receivers and message consumers), through hooks: the runtime depends on no
 * telemetry package; wire these to a counter. A hook that throws is ignored: observing a delivery never
 * changes its answer.
 */
import type { SignatureFailureReason } from './signature.js';

export interface EventHookInfo {
  /** The receiver's operation id, or the consumer's `name`. */
  operationId: string;
}

export type DeadLetterReason = 'key-missing' | 'key-invalid' | 'permanent-error' | 'max-deliveries';

export interface EventHooks {
  /** An event (or message) with a key reached deduplication: every delivery, the first and the later ones. */
  onDelivery?(event: EventHookInfo & { key: string }): void;
  /**
   * A delivery of an event that an earlier delivery had already claimed and not finished: `in-progress`
   * (the first still runs; answered 409 / left unacknowledged), `take-over` (the first's lease ran out: it
   * crashed, and this one runs the handler) or `broker` (the broker says so: a delivery count above 1).
   */
  onRedelivery?(event: EventHookInfo & { key: string; cause: 'in-progress' | 'take-over' | 'broker' }): void;
  /** A delivery of an event whose handling had finished: answered from the store, the handler not run. */
  onDuplicate?(event: EventHookInfo & { key: string }): void;
  /** A webhook delivery refused before the handler and before the store: bad or missing signature, stale. */
  onSignatureFailure?(event: EventHookInfo & { reason: SignatureFailureReason }): void;
  /** A message the consumer gave up on: the caller moves it to its dead-letter queue. */
  onDeadLetter?(event: EventHookInfo & { key?: string | undefined; reason: DeadLetterReason }): void;
}

/** Calls a hook, ignoring whatever it throws or rejects with. */
export function fireEventHook<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (hook === undefined) return;
  try {
    const result: unknown = hook(event);
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // Ignored on purpose, see above.
  }
}
