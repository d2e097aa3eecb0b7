import { StoreUnavailableError } from '../../errors/index.js';
import { randomUuid } from '../../shared/uuid.js';
import type {
  ClaimResult,
  CompleteInput,
  IdempotencyRecord,
  IdempotencyStore,
  StoredOutcome,
} from '../store.js';
import { tableToPostgresSql } from './postgres-sql.js';

/** What the store needs of a connection: a `pg.Pool`, a `pg.Client` or a checked-out `PoolClient` fits. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export interface PostgresStoreOptions {
  /** Shared by the store; not owned (never ended). A pool is best: concurrent claims run in parallel. */
  pool: PgQueryable;
  /** A plain or schema-qualified table name. */
  table?: string;
}

export interface CompleteWithinInput extends CompleteInput {
  /** A connection inside the caller's open transaction (after `BEGIN`), holding the business writes. */
  client: PgQueryable;
}

export interface PostgresStore extends IdempotencyStore {
  /** Creates the table and its indexes if missing (safe to run from many processes at once). */
  migrate(): Promise<void>;
  sweep(now: number): Promise<number>;
  /**
   * `complete`, run inside the caller's transaction: the outcome commits or rolls back with the business
   * writes. False when fenced, and then the caller must roll back (another holder owns the key now).
   */
  completeWithin(input: CompleteWithinInput): Promise<boolean>;
}

interface Row {
  claimed?: boolean;
  record_key?: string;
  token: string;
  fence: number;
  taken_over: boolean;
  fingerprint: string;
  state: 'in-progress' | 'completed';
  lease_expires_at: string | number | null;
  expires_at: string | number | null;
  outcome: string | null;
}

/** Claims retried when the statement's snapshot was stale (a record deleted or re-claimed meanwhile). */
const MAX_CLAIM_ROUNDS = 50;

/**
 * A store shared by many processes and machines, in one PostgreSQL table. A claim is one statement (insert,
 * or re-claim an expired record, or read the live one); completion and release are updates and deletes
 * conditional on the fencing token. Expired rows stay until `sweep(now)` deletes them (a claim re-uses an
 * expired row in place). Driver errors become `StoreUnavailableError` with the original as `cause`.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 *
 * const store = createPostgresStore({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * await store.migrate(); // CREATE TABLE IF NOT EXISTS, safe from many processes at once
 * const server = createServer({ handlers, store });
 * ```
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const { pool } = options;
  const sql = tableToPostgresSql(options.table ?? 'idempotency_records');
  const query = async (on: PgQueryable, text: string, values?: unknown[]) => {
    try {
      return await on.query(text, values);
    } catch (error) {
      throw new StoreUnavailableError('PostgreSQL idempotency store failed', { cause: error });
    }
  };
  const completeOn = async (on: PgQueryable, input: CompleteInput): Promise<boolean> => {
    const { key, token, outcome, ttlMs, now } = input;
    const result = await query(on, sql.complete, [key, token, JSON.stringify(outcome), now + ttlMs]);
    return result.rowCount === 1;
  };

  return {
    name: 'postgresql',
    async migrate() {
      await query(pool, sql.migrate);
    },
    async claim({ key, fingerprint, leaseMs, now }) {
      for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
        const { rows } = await query(pool, sql.claim, [key, fingerprint, randomUuid(), now + leaseMs, now]);
        const result = rowToClaim(rows[0] as Row | undefined, now);
        if (result !== undefined) return result;
      }
      throw new StoreUnavailableError('PostgreSQL idempotency store: claim did not settle');
    },
    complete: (input) => completeOn(pool, input),
    completeWithin: ({ client, ...input }) => completeOn(client, input),
    async release({ key, token }) {
      return (await query(pool, sql.release, [key, token])).rowCount === 1;
    },
    async get(key) {
      const row = (await query(pool, sql.read, [key])).rows[0] as Row | undefined;
      return row === undefined ? undefined : rowToRecord(key, row);
    },
    async sweep(now) {
      return (await query(pool, sql.sweep, [now])).rowCount ?? 0;
    },
  };
}

/** The claim's answer, or `undefined` when the snapshot read was stale and the claim must run again. */
function rowToClaim(row: Row | undefined, now: number): ClaimResult | undefined {
  if (row === undefined) return undefined;
  if (row.claimed === true) {
    return { kind: 'claimed', token: row.token, fence: row.fence, takenOver: row.taken_over };
  }
  if (row.state === 'completed' && Number(row.expires_at) > now && row.outcome !== null) {
    return {
      kind: 'completed',
      fingerprint: row.fingerprint,
      outcome: JSON.parse(row.outcome) as StoredOutcome,
    };
  }
  const leaseExpiresAt = Number(row.lease_expires_at);
  if (row.state === 'in-progress' && leaseExpiresAt > now) {
    return { kind: 'in-progress', fingerprint: row.fingerprint, leaseExpiresAt };
  }
  return undefined;
}

function rowToRecord(key: string, row: Row): IdempotencyRecord {
  const record: IdempotencyRecord = {
    key,
    state: row.state,
    fingerprint: row.fingerprint,
    token: row.token,
    fence: row.fence,
  };
  if (row.lease_expires_at !== null) record.leaseExpiresAt = Number(row.lease_expires_at);
  if (row.expires_at !== null) record.expiresAt = Number(row.expires_at);
  if (row.outcome !== null) record.outcome = JSON.parse(row.outcome) as StoredOutcome;
  return record;
}
