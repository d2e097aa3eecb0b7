/**
 * PostgreSQL transactional completion through the generated server: `createEntry` writes a ledger row and
 * records its idempotency outcome with `request.idempotency.completeWithin(tx, result)` in one transaction.
 * - A process SIGKILLed between the business write and the COMMIT leaves neither the row nor an outcome;
 *   the retry on another process gets 409 until the 1 s lease ends, then executes once.
 * - A failure thrown at the same point rolls back and frees the key: the retry executes at once.
 * - A holder whose lease was taken over while its transaction was open is fenced: it writes nothing and
 *   answers 409, and the take-over's outcome stands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterApi, generateClusterApi } from './helpers/cluster-generated.js';
import {
  type ClusterChild,
  executionsOf,
  killClusterChildren,
  startClusterChild,
} from './helpers/cluster-process.js';
import {
  keyToStoreKey,
  lookupClusterServer,
  openPostgresDatabase,
  type PostgresClusterDatabase,
} from './helpers/cluster-stores.js';
import { pollFor } from './helpers/server-poll.js';
import { expectProblem } from './helpers/server-problem.js';

const LEASE_MS = 1000;
const url = lookupClusterServer('postgres');

const entry = (server: ClusterChild, key: string) =>
  fetch(`${server.url}/ledger-entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ item: 'ledger' }),
  });

/** Sends the request until the answer is not 409 (the lease ran out); every earlier answer was 409. */
async function retryUntilTakeOver(server: ClusterChild, key: string): Promise<Response> {
  const seen: number[] = [];
  const response = await pollFor({
    probe: async () => {
      const answer = await entry(server, key);
      seen.push(answer.status);
      if (answer.status !== 409) return answer;
      await answer.body?.cancel();
      return undefined;
    },
    timeoutMs: LEASE_MS + 5000,
    intervalMs: 50,
    what: 'the lease take-over',
  });
  expect(seen.length).toBeGreaterThan(1);
  expect(seen.slice(0, -1).every((status) => status === 409)).toBe(true);
  return response;
}

describe.skipIf(url === undefined)('PostgreSQL transactional completion across processes', () => {
  let api: ClusterApi | undefined;
  let db: PostgresClusterDatabase | undefined;
  let killer: ClusterChild;
  let thrower: ClusterChild;
  let holder: ClusterChild;
  let successor: ClusterChild;

  beforeAll(async () => {
    [api, db] = await Promise.all([generateClusterApi('pg-transaction'), openPostgresDatabase(url ?? '')]);
    const options = { outDir: api.outDir, store: 'postgres' as const, storeUrl: url ?? '', names: db.names };
    [killer, thrower, holder, successor] = await Promise.all([
      startClusterChild({ ...options, crash: 'kill-before-commit' }),
      startClusterChild({ ...options, crash: 'throw-before-commit' }),
      startClusterChild({ ...options, hold: true }),
      startClusterChild(options),
    ]);
  });
  afterAll(async () => {
    await killClusterChildren();
    await db?.close();
    api?.remove();
  });

  const executions = async (key: string) => (await db!.executionCounts('createEntry', [key]))[key];

  it('a crash between the business write and the commit leaves neither; the retry executes once', async () => {
    if (db === undefined) throw new Error('set-up failed');
    const key = `crash-${db.names.namespace}`;
    const storeKey = await keyToStoreKey(key);
    expect(await entry(killer, key).catch((error: unknown) => error)).toBeInstanceOf(TypeError);
    expect(await killer.exited).toBe('SIGKILL');
    expect(killer.events.map((event) => event.event)).toEqual(['execute', 'crashing']);
    // PostgreSQL has dropped the dead process's sessions, so its open transaction is rolled back.
    await pollFor({
      probe: async () => {
        const { rows } = await db!.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
          [`idemgen-cluster-${killer.pid}`],
        );
        return rows[0]?.n === 0 ? true : undefined;
      },
      timeoutMs: 10_000,
      what: "PostgreSQL to drop the killed process's sessions",
    });
    expect(await executions(key)).toBe(1);
    expect(await db.ledgerRows(key)).toEqual([]);
    const [killed] = executionsOf([killer], key);
    const orphan = await db.store.get(storeKey);
    expect(orphan).toMatchObject({ state: 'in-progress', fence: 1, token: killed?.token });
    expect(orphan?.outcome).toBeUndefined();

    const retried = await retryUntilTakeOver(successor, key);
    const text = await retried.text();
    expect(retried.status, text).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(JSON.parse(text)).toEqual({ key, pid: successor.pid, fence: 2 });
    expect(await db.ledgerRows(key)).toEqual([{ pid: successor.pid }]);
    expect(await executions(key)).toBe(2);
    expect(await db.store.get(storeKey)).toMatchObject({
      state: 'completed',
      fence: 2,
      outcome: { body: text },
    });

    const replay = await entry(successor, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(text);
    expect(await db.ledgerRows(key)).toHaveLength(1);
  });

  it('a failure thrown before the commit rolls back and frees the key: the retry executes at once', async () => {
    if (db === undefined) throw new Error('set-up failed');
    const key = `throw-${db.names.namespace}`;
    await expectProblem(await entry(thrower, key), { status: 500, type: 'internal-error' });
    expect(await db.ledgerRows(key)).toEqual([]);
    expect(await db.store.get(await keyToStoreKey(key))).toBeUndefined();

    const retried = await entry(successor, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await db.ledgerRows(key)).toEqual([{ pid: successor.pid }]);
    expect(await executions(key)).toBe(2);
  });

  it('a holder whose lease was taken over while its transaction was open writes nothing and answers 409', async () => {
    if (db === undefined) throw new Error('set-up failed');
    const key = `fenced-${db.names.namespace}`;
    const held = entry(holder, key);
    // The holder has written its ledger row (uncommitted) and waits inside the transaction.
    await pollFor({
      probe: async () => ((await executions(key)) === 1 ? true : undefined),
      timeoutMs: 10_000,
      what: "the holder's execution",
    });
    const takeOver = await retryUntilTakeOver(successor, key);
    const text = await takeOver.text();
    expect(takeOver.status, text).toBe(201);
    expect(await db.ledgerRows(key)).toEqual([{ pid: successor.pid }]);

    holder.send('release');
    const late = await held;
    expect(late.headers.get('retry-after')).toBe('1');
    await expectProblem(late, { status: 409, type: 'idempotency-request-in-progress' });
    expect(holder.events.filter((event) => event.event === 'fenced')).toEqual([
      { event: 'fenced', operationId: 'createEntry', fence: 1 },
    ]);
    expect(await db.ledgerRows(key)).toEqual([{ pid: successor.pid }]);
    expect(await db.store.get(await keyToStoreKey(key))).toMatchObject({ state: 'completed', fence: 2 });

    const replay = await entry(holder, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(text);
  });
});
