import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult, StoredOutcome } from '../../src/runtime/idempotency/store.js';
import type { PgQueryable, PostgresStore } from '../../src/runtime/idempotency/stores/postgres.js';
import { createPostgresStore } from '../../src/runtime/idempotency/stores/postgres.js';
import { withTransactionalCompletion } from '../../src/runtime/idempotency/stores/postgres-transaction.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { lookupTestServer } from '../helpers/servers.js';

const url = lookupTestServer({ variable: 'IDEMGEN_TEST_PG_URL' });
const table = `idem_tx_${randomBytes(6).toString('hex')}`;
const orders = `orders_${randomBytes(6).toString('hex')}`;
const LEASE = 1_000;
const TTL = 60_000;

describe.skipIf(url === undefined)('postgres transactional completion (real server)', () => {
  let pool: pg.Pool;
  let store: PostgresStore;
  const clock = new FakeClock(1_700_000_000_000);

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: url, max: 10 });
    store = createPostgresStore({ pool, table });
    await store.migrate();
    await pool.query(`CREATE TABLE ${orders} (request_key text NOT NULL, item text NOT NULL)`);
  });
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}, ${orders}`);
    await pool.end();
  });

  const countOrders = async (key: string): Promise<number> =>
    (await pool.query(`SELECT count(*)::int AS n FROM ${orders} WHERE request_key = $1`, [key])).rows[0].n;
  const claimed = async (key: string): Promise<Extract<ClaimResult, { kind: 'claimed' }>> => {
    const claim = await store.claim({ key, fingerprint: 'fp', leaseMs: LEASE, now: clock.now() });
    if (claim.kind !== 'claimed') throw new Error(`expected claimed, got ${claim.kind}`);
    return claim;
  };
  const placeOrder =
    (key: string) =>
    async (tx: PgQueryable): Promise<StoredOutcome> => {
      await tx.query(`INSERT INTO ${orders} (request_key, item) VALUES ($1, 'book')`, [key]);
      return { status: 201, headers: {}, body: `{"order":"${key}"}`, bodyEncoding: 'text' };
    };
  const complete = (key: string, token: string, run: (tx: PgQueryable) => Promise<StoredOutcome>) =>
    withTransactionalCompletion({ pool, store, key, token, ttlMs: TTL, clock, run });

  it('rolls back the business write and frees the key when the handler fails before the commit', async () => {
    const key = randomUUID();
    const first = await claimed(key);
    const crash = complete(key, first.token, async (tx) => {
      await placeOrder(key)(tx);
      throw new Error('crash after the business write');
    });
    await expect(crash).rejects.toThrow('crash after the business write');
    expect(await countOrders(key)).toBe(0);
    expect(await store.get(key)).toBeUndefined();

    const retry = await claimed(key);
    expect(await complete(key, retry.token, placeOrder(key))).toMatchObject({ kind: 'committed' });
    expect(await countOrders(key)).toBe(1);
    const replay = await store.claim({ key, fingerprint: 'fp', leaseMs: LEASE, now: clock.now() });
    expect(replay).toMatchObject({ kind: 'completed', outcome: { status: 201 } });
    expect(await countOrders(key)).toBe(1);
  });

  it('leaves nothing when the process dies mid-transaction; the take-over executes once', async () => {
    const key = randomUUID();
    const first = await claimed(key);
    const doomed = await pool.connect();
    await doomed.query('BEGIN');
    await placeOrder(key)(doomed);
    expect(await store.completeWithin({ client: doomed, key, token: first.token, ...rest() })).toBe(true);
    doomed.release(true); // the connection drops before COMMIT, as when the process is killed
    expect(await countOrders(key)).toBe(0);
    expect(await store.get(key)).toMatchObject({ state: 'in-progress', token: first.token });

    clock.setTime(clock.now() + LEASE);
    const second = await claimed(key);
    expect(second.takenOver).toBe(true);
    expect(await complete(key, second.token, placeOrder(key))).toMatchObject({ kind: 'committed' });
    expect(await complete(key, first.token, placeOrder(key))).toEqual({ kind: 'fenced' });
    expect(await countOrders(key)).toBe(1);
  });

  it('makes a take-over wait for a holder that is committing, then replays its outcome', async () => {
    const key = randomUUID();
    const first = await claimed(key);
    clock.setTime(clock.now() + LEASE * 2);
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await placeOrder(key)(tx);
      expect(await store.completeWithin({ client: tx, key, token: first.token, ...rest() })).toBe(true);
      const takeOver = store.claim({ key, fingerprint: 'fp', leaseMs: LEASE, now: clock.now() });
      await waitForLockWait(pool);
      await tx.query('COMMIT');
      expect(await takeOver).toMatchObject({ kind: 'completed', fingerprint: 'fp' });
    } finally {
      tx.release();
    }
    expect(await countOrders(key)).toBe(1);
  });

  it('settles a claim that waited on a concurrent uncommitted claim (stale snapshot, claim re-run)', async () => {
    const key = randomUUID();
    const tx = await pool.connect();
    const statements: string[] = [];
    const counting = createPostgresStore({
      table,
      pool: {
        query: (text, values) => {
          statements.push(text);
          return pool.query(text, values);
        },
      },
    });
    try {
      await tx.query('BEGIN');
      const inTx = createPostgresStore({ pool: tx, table });
      expect((await inTx.claim({ key, fingerprint: 'fp-a', leaseMs: LEASE, now: clock.now() })).kind).toBe(
        'claimed',
      );
      const second = counting.claim({ key, fingerprint: 'fp-b', leaseMs: LEASE, now: clock.now() });
      await waitForLockWait(pool);
      await tx.query('COMMIT');
      expect(await second).toEqual({
        kind: 'in-progress',
        fingerprint: 'fp-a',
        leaseExpiresAt: clock.now() + LEASE,
      });
      expect(statements).toHaveLength(2);
    } finally {
      tx.release();
    }
  });

  const rest = () => ({
    outcome: { status: 201, headers: {}, body: '{}', bodyEncoding: 'text' } as const,
    ttlMs: TTL,
    now: clock.now(),
  });
});

/** Resolves once some backend waits on a lock (the claim under test is blocked). */
async function waitForLockWait(pool: pg.Pool): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
    );
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no backend ever waited on a lock');
}
