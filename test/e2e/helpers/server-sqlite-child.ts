/**
 * A child process for the crash test (`node --import tsx server-sqlite-child.ts`): the generated server of
 * the end-to-end API on a SQLite file store, over Node `http` on 127.0.0.1. `createCapture` records each
 * execution in a business table of the same file, then blocks forever when E2E_BLOCK=1 (the test kills the
 * process there). The process loads its code first, then waits for a line on stdin before it opens the
 * database and listens, so that a test can have the next server ready to start the moment it kills one.
 * Writes JSON lines on stdout: `{ event: 'listening', port }`, then one per take-over.
 *
 * Environment: E2E_OUT_DIR (the generated output), E2E_DB_FILE, E2E_BLOCK.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { Handler } from '../../../src/runtime/server/types.js';
import type { GeneratedServerModule } from './server-generated.js';

const EXECUTIONS_TABLE_SQL =
  'CREATE TABLE IF NOT EXISTS capture_executions (idempotency_key TEXT NOT NULL, pid INTEGER NOT NULL, started_at INTEGER NOT NULL)';

const outDir = process.env.E2E_OUT_DIR;
const dbFile = process.env.E2E_DB_FILE;
if (outDir === undefined || dbFile === undefined) throw new Error('E2E_OUT_DIR and E2E_DB_FILE are required');
const block = process.env.E2E_BLOCK === '1';
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const generated = (await import(
  pathToFileURL(join(outDir, 'server/index.ts')).href
)) as GeneratedServerModule;
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
await lines.next();
const db = new Database(dbFile, { timeout: 5000 });
db.exec(EXECUTIONS_TABLE_SQL);
const record = db.prepare(
  'INSERT INTO capture_executions (idempotency_key, pid, started_at) VALUES (?, ?, ?)',
);
const countFor = db.prepare('SELECT COUNT(*) AS n FROM capture_executions WHERE idempotency_key = ?');

const createCapture: Handler = async (request) => {
  const key = request.idempotencyKey ?? '';
  record.run(key, process.pid, Date.now());
  if (block) await new Promise<never>(() => {});
  const attempt = (countFor.get(key) as { n: number }).n;
  const body = request.body as { paymentId: string; amount: number };
  const id = `cap_${body.paymentId}`;
  return { status: 201, headers: { Location: `/captures/${id}` }, body: { id, attempt, pid: process.pid } };
};

const core = generated.createServer({
  handlers: { createCapture },
  store: generated.createSqliteStore({ db }),
  hooks: { onTakeOver: (event) => say({ event: 'take-over', operationId: event.operationId }) },
});
const server = createServer(generated.toNodeHandler(core));
server.listen(0, '127.0.0.1', () =>
  say({ event: 'listening', port: (server.address() as AddressInfo).port }),
);
