/**
 * The test's own view of the shared database: a store over the same records (to inspect them and to play
 * a dead process's late completion), the execution counts the children wrote, and clean-up. PostgreSQL
 * tables and Redis keys are named from a fresh namespace (cluster-names.ts).
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { requestToStoreKey } from '../../../src/runtime/idempotency/scope.js';
import type { IdempotencyStore } from '../../../src/runtime/idempotency/store.js';
import type { PostgresStore } from '../../../src/runtime/idempotency/stores/postgres.js';
import { createPostgresStore } from '../../../src/runtime/idempotency/stores/postgres.js';
import { createRedisStore } from '../../../src/runtime/idempotency/stores/redis.js';
import { fromIoredis } from '../../../src/runtime/idempotency/stores/redis-client.js';
import { lookupTestServer, PG_URL_VARIABLE, REDIS_URL_VARIABLE } from '../../helpers/servers.js';
import type { ClusterNames, ClusterStoreKind } from './cluster-names.js';
import { createClusterNames } from './cluster-names.js';

/** The server URL for `kind`; undefined (skip, with a warning) outside CI, a throw under CI=true. */
export function lookupClusterServer(kind: ClusterStoreKind): string | undefined {
  return lookupTestServer({ variable: kind === 'redis' ? REDIS_URL_VARIABLE : PG_URL_VARIABLE });
}

/** The store key of an Idempotency-Key under the fixture's default scope (`principal`, anonymous). */
export function keyToStoreKey(key: string): Promise<string> {
  return requestToStoreKey({
    scope: ['principal'],
    key,
    principal: undefined,
    request: { method: 'POST', pathTemplate: '/' },
  });
}

export interface ClusterDatabase {
  kind: ClusterStoreKind;
  url: string;
  names: ClusterNames;
  store: IdempotencyStore;
  /** How many times `operationId` executed for each key, as the children recorded it in the database. */
  executionCounts(operationId: string, keys: readonly string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface PostgresClusterDatabase extends ClusterDatabase {
  store: PostgresStore;
  pool: pg.Pool;
  /** The committed ledger rows (business writes) of `key`, with the writer's pid. */
  ledgerRows(key: string): Promise<{ pid: number }[]>;
  /** The executions of `key` with their pids, in order. */
  executionPids(operationId: string, key: string): Promise<number[]>;
}

export async function openPostgresDatabase(url: string): Promise<PostgresClusterDatabase> {
  const names = createClusterNames();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const store = createPostgresStore({ pool, table: names.recordsTable });
  await store.migrate();
  await pool.query(
    `CREATE TABLE ${names.executionsTable} (id bigserial PRIMARY KEY, operation_id text NOT NULL, key text NOT NULL, pid integer NOT NULL);
     CREATE TABLE ${names.ledgerTable} (key text NOT NULL, pid integer NOT NULL)`,
  );
  const executionPids = async (operationId: string, key: string) => {
    const { rows } = await pool.query<{ pid: number }>(
      `SELECT pid FROM ${names.executionsTable} WHERE operation_id = $1 AND key = $2 ORDER BY id`,
      [operationId, key],
    );
    return rows.map((row) => row.pid);
  };
  return {
    kind: 'postgres',
    url,
    names,
    store,
    pool,
    executionPids,
    async executionCounts(operationId, keys) {
      const { rows } = await pool.query<{ key: string; n: number }>(
        `SELECT key, count(*)::int AS n FROM ${names.executionsTable}
         WHERE operation_id = $1 AND key = ANY($2::text[]) GROUP BY key`,
        [operationId, keys],
      );
      const counts = Object.fromEntries(keys.map((key) => [key, 0]));
      for (const row of rows) counts[row.key] = row.n;
      return counts;
    },
    async ledgerRows(key) {
      const { rows } = await pool.query<{ pid: number }>(
        `SELECT pid FROM ${names.ledgerTable} WHERE key = $1`,
        [key],
      );
      return rows;
    },
    async close() {
      await pool.query(
        `DROP TABLE IF EXISTS ${names.recordsTable}, ${names.executionsTable}, ${names.ledgerTable}`,
      );
      await pool.end();
    },
  };
}

export async function openRedisDatabase(url: string): Promise<ClusterDatabase> {
  const names = createClusterNames();
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => {});
  await redis.connect();
  return {
    kind: 'redis',
    url,
    names,
    store: createRedisStore({ client: fromIoredis(redis), prefix: names.redisPrefix }),
    async executionCounts(operationId, keys) {
      const values =
        keys.length === 0
          ? []
          : await redis.mget(keys.map((key) => names.executionCounter(operationId, key)));
      return Object.fromEntries(keys.map((key, i) => [key, Number(values[i] ?? 0)]));
    },
    async close() {
      try {
        const keys = await redis.keys(`${names.redisPrefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
}

export function openClusterDatabase(kind: ClusterStoreKind, url: string): Promise<ClusterDatabase> {
  return kind === 'redis' ? openRedisDatabase(url) : openPostgresDatabase(url);
}
