import type { CompleteInput, IdempotencyStore } from './store.js';

/**
 * The store capability behind transactional completion: `completeWithin` records the outcome on a connection
 * inside the caller's open transaction, so that it commits or rolls back with the caller's own writes. The
 * PostgreSQL store has it (`client` is a `pg` client after `BEGIN`); the engine finds it structurally.
 */
export interface TransactionalCompletionStore<Client = unknown> {
  /** True when stored (pending the caller's commit); false when fenced: the caller must roll back. */
  completeWithin(input: CompleteInput & { client: Client }): Promise<boolean>;
}

/** Whether `store` can complete a record inside the caller's transaction. */
export function supportsCompleteWithin(
  store: IdempotencyStore,
): store is IdempotencyStore & TransactionalCompletionStore {
  return typeof (store as Partial<TransactionalCompletionStore>).completeWithin === 'function';
}
