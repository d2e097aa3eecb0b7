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
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPostgresStore } from '../../src/runtime/idempotency/stores/postgres.js';
import { expectExactlyOnce } from './failover-checks.js';
import type { FailoverScenario } from './failover-scenario.js';
import { runFailoverScenario } from './failover-scenario.js';
import { type OwnPostgres, pgRestartTestsEnabled, startOwnPostgres } from './postgres-topology.js';

const enabled = pgRestartTestsEnabled();

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
      expectExactlyOnce(await runFailoverScenario(scenario(mode), { keys: 12, fresh: 6 }), {
        label: 'restart run',
      });
    }, 60_000);
  }
});
