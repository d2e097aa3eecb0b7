import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreUnavailableError } from '../../src/runtime/errors/index.js';
import type { StoredOutcome } from '../../src/runtime/idempotency/store.js';
import type { PgQueryable } from '../../src/runtime/idempotency/stores/postgres.js';
import { createPostgresStore } from '../../src/runtime/idempotency/stores/postgres.js';
import { postgresSchemaSql } from '../../src/runtime/idempotency/stores/postgres-sql.js';
import { lookupTestServer } from '../helpers/servers.js';
import { describeStoreConformance } from './store.case.js';

const url = lookupTestServer({ variable: 'IDEMGEN_TEST_PG_URL' });
const table = `idem_${randomBytes(6).toString('hex')}`;
const outcome: StoredOutcome = { status: 201, headers: {}, body: 'nul \u0000 and é', bodyEncoding: 'text' };

describe.skipIf(url === undefined)('postgres store (real server)', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: url, max: 20 });
  });
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}, ${table}_v2`);
    await pool.end();
  });

  describeStoreConformance('postgres', { sweep: true, restart: true }, async () => {
    const store = createPostgresStore({ pool, table });
    await store.migrate();
    return {
      store,
      restart: async () => createPostgresStore({ pool, table }),
      cleanup: async () => {},
    };
  });

  it('accepts a pg.Pool and a pg.Client structurally', () => {
    const fromPool: PgQueryable = pool;
    const fromClient: PgQueryable = new pg.Client();
    expect([fromPool, fromClient]).toHaveLength(2);
  });

  it('migrates idempotently, even from many callers at once', async () => {
    const store = createPostgresStore({ pool, table: `${table}_v2` });
    await Promise.all(Array.from({ length: 8 }, () => store.migrate()));
    await store.migrate();
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = $1', [
      `${table}_v2`,
    ]);
    expect(rows[0]).toEqual({ n: 3 });
  });

  it('keeps any text body, NUL included, exactly', async () => {
    const store = createPostgresStore({ pool, table });
    const key = randomUUID();
    const claim = await store.claim({ key, fingerprint: 'f', leaseMs: 1_000, now: 0 });
    if (claim.kind !== 'claimed') throw new Error('expected claimed');
    expect(await store.complete({ key, token: claim.token, outcome, ttlMs: 1_000, now: 0 })).toBe(true);
    expect(await store.claim({ key, fingerprint: 'f', leaseMs: 1_000, now: 1 })).toEqual({
      kind: 'completed',
      fingerprint: 'f',
      outcome,
    });
  });

  it('answers a replay with one statement', async () => {
    const statements: string[] = [];
    const counting: PgQueryable = {
      query: (text, values) => {
        statements.push(text);
        return pool.query(text, values);
      },
    };
    const store = createPostgresStore({ pool: counting, table });
    const key = randomUUID();
    const claim = await store.claim({ key, fingerprint: 'f', leaseMs: 1_000, now: 0 });
    if (claim.kind !== 'claimed') throw new Error('expected claimed');
    await store.complete({ key, token: claim.token, outcome, ttlMs: 1_000, now: 0 });
    expect(statements).toHaveLength(2);
    statements.length = 0;
    expect((await store.claim({ key, fingerprint: 'f', leaseMs: 1_000, now: 1 })).kind).toBe('completed');
    expect(statements).toHaveLength(1);
  });

  it('refuses a table name that is not a plain name', () => {
    expect(() => createPostgresStore({ pool, table: 'x; DROP TABLE y' })).toThrow(TypeError);
    expect(postgresSchemaSql('app.dedup')).toContain(
      'CREATE INDEX IF NOT EXISTS dedup_expires_at ON app.dedup',
    );
  });
});

describe('postgres store, server unreachable', () => {
  it('turns connection failures into StoreUnavailableError', async () => {
    const pool = new pg.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:1/postgres',
      connectionTimeoutMillis: 2_000,
    });
    const store = createPostgresStore({ pool });
    for (const call of [
      () => store.claim({ key: 'k', fingerprint: 'f', leaseMs: 1, now: 0 }),
      () => store.migrate(),
      () => store.sweep(0),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(isStoreUnavailableError(error)).toBe(true);
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
    await pool.end();
  });
});
