/** The SQL of the PostgreSQL store, for one table name (checked to be a plain or schema-qualified name). */
export interface PostgresStoreSql {
  schema: string;
  /** The schema, serialized across concurrent migrations by a transaction-scoped advisory lock. */
  migrate: string;
  claim: string;
  read: string;
  complete: string;
  release: string;
  sweep: string;
}

const NAME = /^(?:[A-Za-z_][A-Za-z0-9_]{0,62}\.)?[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const expired = (alias: string, now: string): string =>
  `(${alias}state = 'in-progress' AND ${alias}lease_expires_at <= ${now})
    OR (${alias}state = 'completed' AND ${alias}expires_at <= ${now})`;

/**
 * The `CREATE TABLE` (and its indexes) that the store needs, idempotent. Times are milliseconds since the
 * epoch from the engine's clock (`bigint`), never the database's `now()`. The outcome is JSON kept as `text`
 * (`jsonb` would reorder nothing that matters but refuses `\u0000` in bodies).
 */
export function postgresSchemaSql(table = 'idempotency_records'): string {
  const bare = checkTableName(table).split('.').pop() ?? table;
  return `CREATE TABLE IF NOT EXISTS ${table} (
  record_key text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('in-progress', 'completed')),
  fingerprint text NOT NULL,
  token text NOT NULL,
  fence integer NOT NULL,
  lease_expires_at bigint,
  expires_at bigint,
  outcome text,
  taken_over boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS ${bare}_expires_at ON ${table} (expires_at);
CREATE INDEX IF NOT EXISTS ${bare}_lease_expires_at ON ${table} (lease_expires_at);`;
}

export function tableToPostgresSql(table: string): PostgresStoreSql {
  const schema = postgresSchemaSql(table);
  const columns = 'token, fence, taken_over, fingerprint, state, lease_expires_at, expires_at, outcome';
  return {
    schema,
    // A multi-statement simple query runs as one transaction, so the lock is held until the schema exists.
    migrate: `SELECT pg_advisory_xact_lock(hashtext('idemgen:${table}'));\n${schema}`,
    // One statement: insert a fresh record or re-claim an expired one (atomic under concurrent claimers: the
    // losers wait on the row and re-check WHERE against the winner's row). When nothing was claimed, the
    // second branch reads the record as of the statement's snapshot, which saves a round trip; the caller
    // retries when that snapshot is stale (no row, or an expired one).
    claim: `WITH claimed AS (
  INSERT INTO ${table} AS r
    (record_key, state, fingerprint, token, fence, lease_expires_at, expires_at, outcome, taken_over)
  VALUES ($1::text, 'in-progress', $2::text, '1:' || $3::text, 1, $4::bigint, NULL, NULL, false)
  ON CONFLICT (record_key) DO UPDATE SET
    state = 'in-progress',
    fingerprint = excluded.fingerprint,
    token = (r.fence + 1)::text || ':' || $3::text,
    fence = r.fence + 1,
    lease_expires_at = excluded.lease_expires_at,
    expires_at = NULL,
    outcome = NULL,
    taken_over = (r.state = 'in-progress')
  WHERE ${expired('r.', '$5::bigint')}
  RETURNING r.token, r.fence, r.taken_over
)
SELECT true AS claimed, token, fence, taken_over, NULL::text AS fingerprint, NULL::text AS state,
  NULL::bigint AS lease_expires_at, NULL::bigint AS expires_at, NULL::text AS outcome FROM claimed
UNION ALL
SELECT false, ${columns} FROM ${table}
WHERE record_key = $1::text AND NOT EXISTS (SELECT 1 FROM claimed)`,
    read: `SELECT record_key, ${columns} FROM ${table} WHERE record_key = $1::text`,
    complete: `UPDATE ${table}
SET state = 'completed', outcome = $3::text, expires_at = $4::bigint, lease_expires_at = NULL
WHERE record_key = $1::text AND token = $2::text AND state = 'in-progress'`,
    release: `DELETE FROM ${table} WHERE record_key = $1::text AND token = $2::text AND state = 'in-progress'`,
    sweep: `DELETE FROM ${table} WHERE ${expired('', '$1::bigint')}`,
  };
}

function checkTableName(table: string): string {
  if (!NAME.test(table)) throw new TypeError(`not a plain SQL table name: ${JSON.stringify(table)}`);
  return table;
}
