/** The SQL of the SQLite store, for one table name (checked to be a plain identifier first). */
export interface SqliteStoreSql {
  schema: string;
  claim: string;
  read: string;
  complete: string;
  release: string;
  sweep: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const EXPIRED = `(state = 'in-progress' AND lease_expires_at <= @now)
    OR (state = 'completed' AND expires_at <= @now)`;

export function tableToSql(table: string): SqliteStoreSql {
  if (!IDENTIFIER.test(table)) throw new TypeError(`not a plain SQL identifier: ${JSON.stringify(table)}`);
  return {
    schema: `CREATE TABLE IF NOT EXISTS ${table} (
  record_key TEXT PRIMARY KEY NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('in-progress', 'completed')),
  fingerprint TEXT NOT NULL,
  token TEXT NOT NULL,
  fence INTEGER NOT NULL,
  lease_expires_at INTEGER,
  expires_at INTEGER,
  outcome TEXT,
  taken_over INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ${table}_expires_at ON ${table} (expires_at);
CREATE INDEX IF NOT EXISTS ${table}_lease_expires_at ON ${table} (lease_expires_at);`,
    // One statement: insert a fresh record, or re-claim an expired one (in SET and WHERE, bare column names
    // are the existing row's values). RETURNING yields a row only when this call holds the claim.
    claim: `INSERT INTO ${table}
  (record_key, state, fingerprint, token, fence, lease_expires_at, expires_at, outcome, taken_over)
VALUES (@key, 'in-progress', @fingerprint, '1:' || @nonce, 1, @leaseExpiresAt, NULL, NULL, 0)
ON CONFLICT (record_key) DO UPDATE SET
  state = 'in-progress',
  fingerprint = excluded.fingerprint,
  token = (fence + 1) || ':' || @nonce,
  fence = fence + 1,
  lease_expires_at = excluded.lease_expires_at,
  expires_at = NULL,
  outcome = NULL,
  taken_over = (state = 'in-progress')
WHERE ${EXPIRED}
RETURNING token, fence, taken_over`,
    read: `SELECT record_key, state, fingerprint, token, fence, lease_expires_at, expires_at, outcome
FROM ${table} WHERE record_key = @key`,
    complete: `UPDATE ${table}
SET state = 'completed', outcome = @outcome, expires_at = @expiresAt, lease_expires_at = NULL
WHERE record_key = @key AND token = @token AND state = 'in-progress'`,
    release: `DELETE FROM ${table} WHERE record_key = @key AND token = @token AND state = 'in-progress'`,
    sweep: `DELETE FROM ${table} WHERE ${EXPIRED}`,
  };
}
