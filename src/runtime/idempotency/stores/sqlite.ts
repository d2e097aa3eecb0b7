import { StoreUnavailableError } from '../../errors/index.js';
import { randomUuid } from '../../shared/uuid.js';
import type { ClaimResult, IdempotencyRecord, IdempotencyStore, StoredOutcome } from '../store.js';
import { tableToSql } from './sqlite-sql.js';

/** The part of a better-sqlite3 statement the store uses. */
export interface SqliteStatementLike {
  run(...params: unknown[]): { changes: number | bigint };
  get(...params: unknown[]): unknown;
}

/** The part of a better-sqlite3 `Database` the store uses (structural: no import of the package). */
export interface SqliteDatabaseLike {
  prepare(sql: string): SqliteStatementLike;
  exec(sql: string): unknown;
}

export interface SqliteStoreOptions {
  db: SqliteDatabaseLike;
  /** A plain SQL identifier. */
  table?: string;
}

interface Row {
  record_key: string;
  state: 'in-progress' | 'completed';
  fingerprint: string;
  token: string;
  fence: number;
  lease_expires_at: number | null;
  expires_at: number | null;
  outcome: string | null;
}

/**
 * A durable store for the processes of one machine. The database is switched to WAL (readers do not block
 * the writer); the claim is one `INSERT ... ON CONFLICT DO UPDATE ... WHERE expired ... RETURNING` statement,
 * atomic across every connection to the file. Set the connection's busy timeout (better-sqlite3's `timeout`
 * option, 5 s by default) when several processes write. The store does not own `db` and never closes it.
 * Errors from the driver are rethrown as `StoreUnavailableError` with the original as `cause`.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 *
 * const db = new Database('dedup.db', { timeout: 5_000 }); // busy timeout for several writing processes
 * const server = createServer({ handlers, store: createSqliteStore({ db }) });
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): IdempotencyStore {
  const { db } = options;
  const sql = tableToSql(options.table ?? 'idempotency_records');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(sql.schema);
  const claimStatement = db.prepare(sql.claim);
  const readStatement = db.prepare(sql.read);
  const completeStatement = db.prepare(sql.complete);
  const releaseStatement = db.prepare(sql.release);
  const sweepStatement = db.prepare(sql.sweep);
  const read = (key: string): Row | undefined => readStatement.get({ key }) as Row | undefined;

  return {
    name: 'sqlite',
    claim: ({ key, fingerprint, leaseMs, now }) =>
      guard((): ClaimResult => {
        // A record deleted between the failed upsert and the read is claimed on the next round.
        for (;;) {
          const nonce = randomUuid();
          const params = { key, fingerprint, nonce, leaseExpiresAt: now + leaseMs, now };
          const won = claimStatement.get(params) as
            | { token: string; fence: number; taken_over: number }
            | undefined;
          if (won !== undefined) {
            return { kind: 'claimed', token: won.token, fence: won.fence, takenOver: won.taken_over === 1 };
          }
          const row = read(key);
          if (row === undefined) continue;
          if (row.state === 'completed' && row.outcome !== null) {
            return { kind: 'completed', fingerprint: row.fingerprint, outcome: parseOutcome(row.outcome) };
          }
          return {
            kind: 'in-progress',
            fingerprint: row.fingerprint,
            leaseExpiresAt: row.lease_expires_at ?? now,
          };
        }
      }),
    complete: ({ key, token, outcome, ttlMs, now }) =>
      guard(() => {
        const params = { key, token, outcome: JSON.stringify(outcome), expiresAt: now + ttlMs };
        return Number(completeStatement.run(params).changes) === 1;
      }),
    release: ({ key, token }) => guard(() => Number(releaseStatement.run({ key, token }).changes) === 1),
    get: (key) =>
      guard(() => {
        const row = read(key);
        return row === undefined ? undefined : rowToRecord(row);
      }),
    sweep: (now) => guard(() => Number(sweepStatement.run({ now }).changes)),
  };
}

async function guard<T>(run: () => T): Promise<T> {
  try {
    return run();
  } catch (error) {
    throw new StoreUnavailableError('SQLite idempotency store failed', { cause: error });
  }
}

function parseOutcome(text: string): StoredOutcome {
  return JSON.parse(text) as StoredOutcome;
}

function rowToRecord(row: Row): IdempotencyRecord {
  const record: IdempotencyRecord = {
    key: row.record_key,
    state: row.state,
    fingerprint: row.fingerprint,
    token: row.token,
    fence: row.fence,
  };
  if (row.lease_expires_at !== null) record.leaseExpiresAt = row.lease_expires_at;
  if (row.expires_at !== null) record.expiresAt = row.expires_at;
  if (row.outcome !== null) record.outcome = parseOutcome(row.outcome);
  return record;
}
