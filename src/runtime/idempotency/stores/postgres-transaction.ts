import { isStoreUnavailableError, StoreUnavailableError } from '../../errors/index.js';
import type { Clock } from '../../shared/clock.js';
import { systemClock } from '../../shared/clock.js';
import type { StoredOutcome } from '../store.js';
import type { PgQueryable, PostgresStore } from './postgres.js';

/** A connection checked out of a pool (`pg.PoolClient`): `release(true)` destroys it. */
export interface PgPoolClientLike extends PgQueryable {
  release(destroy?: boolean | Error): void;
}

/** A pool to check a connection out of (`pg.Pool`). */
export interface PgPoolLike {
  connect(): Promise<PgPoolClientLike>;
}

export interface TransactionalCompletionInput {
  pool: PgPoolLike;
  /** The store over the same database (its table takes part in the transaction). */
  store: PostgresStore;
  /** The store key and the fencing token of the claim this process holds. */
  key: string;
  token: string;
  ttlMs: number;
  /** Read once, after `run`, for the record's expiry. */
  clock?: Clock;
  /** The handler's business writes, on `tx` (inside `BEGIN`); returns the outcome to record. */
  run(tx: PgQueryable): Promise<StoredOutcome>;
}

export type TransactionalCompletionResult =
  | { kind: 'committed'; outcome: StoredOutcome }
  /** The lease was taken over: everything `run` wrote was rolled back, the newer holder's outcome stands. */
  | { kind: 'fenced' };

/**
 * Runs the business writes and records the idempotency outcome in ONE transaction: `BEGIN`, `run(tx)`, the
 * fenced completion, `COMMIT`. Either both commit or neither does, so a crash anywhere before the commit
 * leaves no business row and no outcome, and a fenced holder (its lease taken over) writes nothing. While
 * the transaction holds the record's row lock (from the completion on), a take-over claim waits for it.
 * When `run` throws, the transaction is rolled back, the claim released (so a retry executes again) and the
 * error rethrown. Connection and commit failures are `StoreUnavailableError`.
 *
 * @example
 * ```ts
 * const result = await withTransactionalCompletion({
 *   pool, // a pg.Pool: the transaction runs on one checked-out connection
 *   store,
 *   key,
 *   token: claim.token,
 *   ttlMs: 24 * 60 * 60 * 1000,
 *   run: async (tx) => {
 *     const { rows } = await tx.query('INSERT INTO orders (item) VALUES ($1) RETURNING id', [item]);
 *     return { status: 201, headers: {}, body: JSON.stringify({ id: rows[0].id }), bodyEncoding: 'text' };
 *   },
 * });
 * if (result.kind === 'fenced') return conflict(); // a newer holder's outcome stands; nothing was written
 * ```
 */
export async function withTransactionalCompletion(
  input: TransactionalCompletionInput,
): Promise<TransactionalCompletionResult> {
  const { pool, store, key, token } = input;
  const tx = await unavailableOnError(() => pool.connect());
  let broken = false;
  let returned = false;
  const rollback = async (): Promise<void> => {
    try {
      await tx.query('ROLLBACK');
    } catch {
      broken = true;
    }
  };
  try {
    await unavailableOnError(() => tx.query('BEGIN'));
    const outcome = await input.run(tx);
    const now = (input.clock ?? systemClock).now();
    const stored = await store.completeWithin({ client: tx, key, token, outcome, ttlMs: input.ttlMs, now });
    if (!stored) {
      await rollback();
      return { kind: 'fenced' };
    }
    await unavailableOnError(() => tx.query('COMMIT'));
    return { kind: 'committed', outcome };
  } catch (error) {
    // Nothing committed (or, after a lost COMMIT acknowledgement, the record is completed and release is a
    // no-op): free the key so that a retry executes again.
    // The connection goes back first: with a pool of one, the release below needs it.
    broken ||= isStoreUnavailableError(error);
    await rollback();
    returned = true;
    tx.release(broken);
    await store.release({ key, token }).catch(() => false);
    throw error;
  } finally {
    if (!returned) tx.release(broken);
  }
}

async function unavailableOnError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StoreUnavailableError('PostgreSQL transaction failed', { cause: error });
  }
}
