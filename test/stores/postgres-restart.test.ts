/**
 * Exactly once through a PostgreSQL restart (issue 16, item 4): the test starts its own PostgreSQL server
 * and restarts it (`pg_ctl stop -m fast`, then `-m immediate`; started again 1.5 s later) while a
 * request's handler runs, with two
 * servers on the non-transactional PostgreSQL store (each its own pool). The interrupted completion is kept
 * and stored once the server is back; every key executes once with one answer, and the only answers are the
 * outcome, 409 and 503 with Retry-After.
 * Skipped with a message unless IDEMGEN_TEST_PG_RESTART=1 or CI=true (where initdb and pg_ctl must exist).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/runtime/idempotency/stores/postgres.js';
import type { FailoverRun, FailoverScenario } from './failover-scenario.js';
import { runFailoverScenario } from './failover-scenario.js';
import { type OwnPostgres, pgRestartTestsEnabled, startOwnPostgres } from './postgres-topology.js';

const enabled = pgRestartTestsEnabled();

function expectExactlyOnce(run: FailoverRun): void {
  const slowestMs = Math.max(...run.answers.map((a) => a.ms));
  console.info(
    `restart run: ${JSON.stringify({ recoveredMs: run.recoveredMs, slowestMs, totalMs: run.totalMs })}`,
  );
  expect(run.done.every(Boolean), 'every key got its outcome').toBe(true);
  for (const key of [...run.keys, ...run.fresh]) {
    expect(run.effects.get(key), `executions of ${key}`).toBe(1);
    const bodies = new Set(run.answers.filter((a) => a.key === key && a.status === 201).map((a) => a.body));
    expect(bodies.size, `distinct 201 bodies of ${key}`).toBe(1);
  }
  const unexpected = run.answers.filter(
    (a) => a.status !== 201 && a.status !== 409 && !(a.status === 503 && Number(a.retryAfter) >= 1),
  );
  expect(unexpected).toEqual([]);
  const first = run.events.filter((e) => e.storeKey === run.firstStoreKey);
  expect(first.some((e) => e.hook === 'store-error' && e.operation === 'complete')).toBe(true);
  expect(first.filter((e) => e.hook === 'completion-retried').map((e) => e.result)).toEqual(['stored']);
  expect(run.events.filter((e) => e.hook === 'take-over' || e.hook === 'fenced')).toEqual([]);
}

describe.skipIf(!enabled)('PostgreSQL restarted mid-request (non-transactional store)', () => {
  let server: OwnPostgres | undefined;
  beforeAll(async () => {
    server = await startOwnPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  const scenario = (mode: 'fast' | 'immediate'): FailoverScenario => ({
    label: `pg-${mode}`,
    async open(prefix) {
      const table = `failover_${createHash('sha256').update(prefix).digest('hex').slice(0, 16)}`;
      const pool = new pg.Pool({ connectionString: server!.url, max: 4, connectionTimeoutMillis: 1_000 });
      // Idle connections end with the server: without a listener, that error would end the process.
      pool.on('error', () => {});
      const store = createPostgresStore({ pool, table });
      await store.migrate();
      return { store, close: () => pool.end() };
    },
    masterOf: () => 0,
    kill: () => server!.restart(mode, 1_500),
  });

  for (const mode of ['fast', 'immediate'] as const) {
    it(`pg_ctl stop -m ${mode}, start: every key once, one answer per key, the completion stored after the restart`, async () => {
      expectExactlyOnce(await runFailoverScenario(scenario(mode), { keys: 12, fresh: 6 }));
    }, 60_000);
  }
});
