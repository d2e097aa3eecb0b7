import type { IdempotencyObserver } from '../idempotency/hooks.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import type { TransactionalCompletionStore } from '../idempotency/transactional-store.js';
import { supportsCompleteWithin } from '../idempotency/transactional-store.js';
import type { ServerRequestTelemetry } from '../telemetry/server-request.js';

/**
 * The store as one traced request sees it: every call a child span of the request's and a sample of
 * `idempotency.store.operation.duration` (built per request, only when telemetry is on).
 */
export function tracedStore(store: IdempotencyStore, telemetry: ServerRequestTelemetry): IdempotencyStore {
  const traced: IdempotencyStore & Partial<TransactionalCompletionStore> = {
    claim: (input) => telemetry.storeCall('claim', () => store.claim(input)),
    complete: (input) => telemetry.storeCall('complete', () => store.complete(input)),
    release: (input) => telemetry.storeCall('release', () => store.release(input)),
    get: (key) => telemetry.storeCall('get', () => store.get(key)),
  };
  if (store.name !== undefined) Object.assign(traced, { name: store.name });
  if (supportsCompleteWithin(store)) {
    traced.completeWithin = (input) =>
      telemetry.storeCall('complete_within', () => store.completeWithin(input));
  }
  return traced;
}

/** The engine's observer for one traced request: its events on the request's span, its store traced. */
export const requestObserver = (telemetry: ServerRequestTelemetry): IdempotencyObserver => ({
  event: (name, attributes) => telemetry.event(name, attributes),
  store: (store) => tracedStore(store, telemetry),
});
