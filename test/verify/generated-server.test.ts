/**
 * verify passes against the server idemgen generates from examples/payments.yaml, on every dedup store:
 * memory, SQLite, Redis and PostgreSQL (the last two on real servers, skipped with a message when
 * IDEMGEN_TEST_REDIS_URL / IDEMGEN_TEST_PG_URL are unset, required under CI=true).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import { createMemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import { createPostgresStore } from '../../src/runtime/idempotency/stores/postgres.js';
import { createRedisStore } from '../../src/runtime/idempotency/stores/redis.js';
import { fromIoredis } from '../../src/runtime/idempotency/stores/redis-client.js';
import { createSqliteStore } from '../../src/runtime/idempotency/stores/sqlite.js';
import { lookupTestServer } from '../helpers/servers.js';
import { generatePaymentsServer, startPaymentsServer } from './helpers/payments-server.js';
import { outcomes, verifyPayments } from './helpers/verify-payments.js';

interface StoreCase {
  name: string;
  /** Undefined: skipped (no server configured). */
  open?: () => Promise<{ store: IdempotencyStore; close: () => Promise<void> }>;
}

const redisUrl = lookupTestServer({ variable: 'IDEMGEN_TEST_REDIS_URL' });
const pgUrl = lookupTestServer({ variable: 'IDEMGEN_TEST_PG_URL' });

const STORES: StoreCase[] = [
  { name: 'memory', open: async () => ({ store: createMemoryStore(), close: async () => {} }) },
  {
    name: 'sqlite',
    open: async () => {
      const db = new Database(':memory:');
      return { store: createSqliteStore({ db }), close: async () => void db.close() };
    },
  },
  {
    name: 'redis',
    ...(redisUrl && {
      open: async () => {
        const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
        const prefix = `idemgen-verify:${randomBytes(6).toString('hex')}:`;
        return {
          store: createRedisStore({ client: fromIoredis(client), prefix }),
          close: async () => {
            const keys = await client.keys(`${prefix}*`);
            if (keys.length > 0) await client.del(...keys);
            client.disconnect();
          },
        };
      },
    }),
  },
  {
    name: 'postgres',
    ...(pgUrl && {
      open: async () => {
        const pool = new pg.Pool({ connectionString: pgUrl, max: 8 });
        const table = `idem_verify_${randomBytes(6).toString('hex')}`;
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
    }),
  },
];

let generated: Awaited<ReturnType<typeof generatePaymentsServer>>;
beforeAll(async () => {
  generated = await generatePaymentsServer();
}, 120_000);
afterAll(() => {
  if (generated) rmSync(generated.outDir, { recursive: true, force: true });
});

describe.each(STORES)('verify against the generated payments server, $name store', ({ open }) => {
  it.skipIf(open === undefined)(
    'passes every check that applies, and each probe key executes once',
    async () => {
      const { store, close } = await open!();
      const server = await startPaymentsServer({ module: generated.module, store });
      try {
        const report = await verifyPayments({ baseUrl: server.url });
        expect(
          report.results
            .filter((r) => r.outcome === 'fail')
            .map((r) => `${r.operation} ${r.check}: ${r.reason}`),
        ).toEqual([]);
        expect(outcomes(report)).toEqual({
          'createPayment replay': 'pass',
          'createPayment lost-response': 'pass',
          'createPayment concurrent-duplicates': 'pass',
          'createPayment fingerprint': 'pass',
          'createPayment key-required': 'pass',
          'createPayment key-malformed': 'pass',
          'createPayment error-format': 'pass',
          'createPayment declared-responses': 'pass',
          'createPayment retry-hints': expect.stringMatching(/^(pass|skip)$/),
          'upsertRefund replay': 'pass',
          'upsertRefund lost-response': 'pass',
          'upsertRefund concurrent-duplicates': 'pass',
          'upsertRefund fingerprint': 'pass',
          // The refund's key is its refundId in the body: business data, not a header to leave out.
          'upsertRefund key-required': 'skip',
          'upsertRefund key-malformed': 'skip',
          'upsertRefund error-format': 'pass',
          'upsertRefund declared-responses': 'pass',
          'upsertRefund retry-hints': expect.stringMatching(/^(pass|skip)$/),
        });
        // Four probe keys per operation (replay, lost response, concurrent duplicates, fingerprint).
        expect(server.executions()).toBe(8);
      } finally {
        await server.close();
        await close();
      }
    },
    90_000,
  );
});
