/**
 * One server process of the cluster tests (`node --import tsx cluster-child.ts`): the generated server of
 * fixtures/e2e-cluster/api.yaml over Node `http` on 127.0.0.1, on a shared Redis (ioredis) or PostgreSQL
 * (pg Pool) store. Every handler first records its execution in that database (Redis `INCR`, PostgreSQL
 * `INSERT`), never in memory, and first prints an `execute` line with its claim (token, fence).
 * - createOrder waits CLUSTER_DELAY_MS, then answers 201.
 * - createCapture, with CLUSTER_HOLD=1, blocks until a `release` line on stdin (or until killed).
 * - createEntry (PostgreSQL) writes a ledger row and completes the idempotency record in one transaction
 *   (`request.idempotency.completeWithin`); CLUSTER_HOLD=1 holds the transaction open after the write until
 *   `release`; CLUSTER_CRASH=kill-before-commit SIGKILLs the process after the completion, before COMMIT;
 *   CLUSTER_CRASH=throw-before-commit throws there instead.
 * Prints JSON lines on stdout: `listening` (port), then `execute`, `take-over`, `fenced`, `store-error`.
 *
 * Environment: CLUSTER_OUT_DIR, CLUSTER_STORE (redis | postgres), CLUSTER_STORE_URL, CLUSTER_NAMESPACE.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { IdempotencyStore } from '../../../src/runtime/idempotency/store.js';
import type { Handler, HandlerRequest } from '../../../src/runtime/server/types.js';
import type { ClusterServerModule } from './cluster-generated.js';
import { namespaceToNames } from './cluster-names.js';

const env = process.env;
const { CLUSTER_OUT_DIR: outDir, CLUSTER_STORE_URL: url, CLUSTER_NAMESPACE: namespace } = env;
if (outDir === undefined || url === undefined || namespace === undefined) {
  throw new Error('CLUSTER_OUT_DIR, CLUSTER_STORE_URL and CLUSTER_NAMESPACE are required');
}
const kind = env.CLUSTER_STORE === 'postgres' ? 'postgres' : 'redis';
const delayMs = Number(env.CLUSTER_DELAY_MS ?? 0);
const hold = env.CLUSTER_HOLD === '1';
const crash = env.CLUSTER_CRASH ?? '';
const names = namespaceToNames(namespace);
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

let releaseHold: () => void = () => {};
const held = new Promise<void>((resolve) => {
  releaseHold = resolve;
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'release') releaseHold();
});

const generated = (await import(pathToFileURL(join(outDir, 'server/index.ts')).href)) as ClusterServerModule;

let store: IdempotencyStore;
let recordExecution: (operationId: string, key: string) => Promise<unknown>;
let pool: pg.Pool | undefined;
if (kind === 'redis') {
  // No offline queue and a short command timeout: while Redis is away, a request gets a quick 503.
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    retryStrategy: () => 100,
  });
  redis.on('error', () => {});
  await redis.connect();
  store = generated.createRedisStore({ client: generated.fromIoredis(redis), prefix: names.redisPrefix });
  recordExecution = (operationId, key) => redis.incr(names.executionCounter(operationId, key));
} else {
  // Named after the process, so that a test can see when PostgreSQL has dropped a killed process's sessions.
  const pgPool = new pg.Pool({
    connectionString: url,
    max: 10,
    application_name: `idemgen-cluster-${process.pid}`,
  });
  pgPool.on('error', () => {});
  pool = pgPool;
  store = generated.createPostgresStore({ pool: pgPool, table: names.recordsTable });
  recordExecution = (operationId, key) =>
    pgPool.query(`INSERT INTO ${names.executionsTable} (operation_id, key, pid) VALUES ($1, $2, $3)`, [
      operationId,
      key,
      process.pid,
    ]);
}

/** Records the execution, prints it, and gives the answer every handler returns. */
async function execute(operationId: string, request: HandlerRequest) {
  const claim = request.idempotency;
  if (claim === undefined) throw new Error(`${operationId} ran without an idempotency claim`);
  const { key, token, fence, takenOver } = claim;
  // Printed on entry, before the database is touched: the witness that a handler ran at all.
  say({ event: 'execute', operationId, key, token, fence, takenOver, pid: process.pid });
  await recordExecution(operationId, key);
  return { claim, result: { status: 201, body: { key, pid: process.pid, fence } } };
}

/** BEGIN, `run(tx)`, COMMIT on one pooled connection; ROLLBACK when `run` throws. */
async function withTransaction<T>(on: pg.Pool, run: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const tx = await on.connect();
  try {
    await tx.query('BEGIN');
    const value = await run(tx);
    await tx.query('COMMIT');
    return value;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    tx.release();
  }
}

const createOrder: Handler = async (request) => {
  const { result } = await execute('createOrder', request);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  return result;
};

const createCapture: Handler = async (request) => {
  const { result } = await execute('createCapture', request);
  if (hold) await held;
  return result;
};

const createEntry: Handler = async (request) => {
  if (pool === undefined) throw new Error('createEntry needs the PostgreSQL store');
  const { claim, result } = await execute('createEntry', request);
  return withTransaction(pool, async (tx) => {
    await tx.query(`INSERT INTO ${names.ledgerTable} (key, pid) VALUES ($1, $2)`, [claim.key, process.pid]);
    if (hold) await held;
    const completed = await claim.completeWithin(tx, result);
    if (crash === 'kill-before-commit') {
      say({ event: 'crashing', key: claim.key });
      process.kill(process.pid, 'SIGKILL');
      await new Promise<never>(() => {});
    }
    if (crash === 'throw-before-commit') throw new Error('injected failure between the write and the commit');
    return completed;
  });
};

const core = generated.createServer({
  handlers: { createOrder, createCapture, createEntry },
  store,
  logger: { error: (entry) => say({ event: 'error', message: entry.message, error: String(entry.error) }) },
  hooks: {
    onTakeOver: (event) => say({ event: 'take-over', operationId: event.operationId, fence: event.fence }),
    onFencedCompletion: (event) =>
      say({ event: 'fenced', operationId: event.operationId, fence: event.fence }),
    onStoreError: (event) => say({ event: 'store-error', operation: event.operation }),
  },
});
const server = createServer(generated.toNodeHandler(core));
server.listen(0, '127.0.0.1', () =>
  say({ event: 'listening', port: (server.address() as AddressInfo).port, pid: process.pid }),
);
