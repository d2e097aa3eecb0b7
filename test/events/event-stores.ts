/**
 * The dedup stores the event tests run on: memory and SQLite always, Redis and PostgreSQL when their test
 * servers are set (IDEMGEN_TEST_REDIS_URL, IDEMGEN_TEST_PG_URL; skipped with a message, required under CI).
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import { createMemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import { createPostgresStore } from '../../src/runtime/idempotency/stores/postgres.js';
import { createRedisStore } from '../../src/runtime/idempotency/stores/redis.js';
import { fromIoredis } from '../../src/runtime/idempotency/stores/redis-client.js';
import { createSqliteStore } from '../../src/runtime/idempotency/stores/sqlite.js';
import { lookupTestServer } from '../helpers/servers.js';

export interface EventStore {
  name: string;
  open(): Promise<{ store: IdempotencyStore; close(): Promise<void> }>;
}

const redisUrl = lookupTestServer({ variable: 'IDEMGEN_TEST_REDIS_URL' });
const pgUrl = lookupTestServer({ variable: 'IDEMGEN_TEST_PG_URL' });

export const EVENT_STORES: EventStore[] = [
  { name: 'memory', open: async () => ({ store: createMemoryStore(), close: async () => {} }) },
  {
    name: 'sqlite',
    open: async () => {
      const db = new Database(':memory:');
      return { store: createSqliteStore({ db }), close: async () => void db.close() };
    },
  },
];

if (redisUrl !== undefined) {
  EVENT_STORES.push({
    name: 'redis',
    open: async () => {
      const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      const prefix = `idemgen-events:${randomBytes(6).toString('hex')}:`;
      return {
        store: createRedisStore({ client: fromIoredis(client), prefix }),
        close: async () => {
          const keys = await client.keys(`${prefix}*`);
          if (keys.length > 0) await client.del(...keys);
          client.disconnect();
        },
      };
    },
  });
}

if (pgUrl !== undefined) {
  EVENT_STORES.push({
    name: 'postgres',
    open: async () => {
      const pool = new pg.Pool({ connectionString: pgUrl, max: 10 });
      const table = `idem_events_${randomBytes(6).toString('hex')}`;
      const store = createPostgresStore({ pool, table });
      await store.migrate();
      return {
        store,
        close: async () => {
          await pool.query(`DROP TABLE IF EXISTS ${table}`);
          await pool.end();
        },
      };
    },
  });
}
