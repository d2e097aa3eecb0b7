/**
 * Crash and restart on the SQLite store: a generated server process is SIGKILLed while its handler runs,
 * a new process on the same database file answers 409 while the dead lease lasts, takes the key over when
 * `inProgressTimeout` (1 s in fixtures/e2e-server/api.yaml) has passed, executes once, and replays that
 * outcome from then on, also after another restart.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type SpawnedChild, spawnChildServer } from './helpers/server-child-process.js';
import { generateE2eOutput } from './helpers/server-generated.js';
import { pollFor } from './helpers/server-poll.js';
import { expectProblem } from './helpers/server-problem.js';

const LEASE_MS = 1000;
const KEY = 'capture-key-1';

let outDir: string;
const children: SpawnedChild[] = [];
beforeAll(async () => {
  outDir = await generateE2eOutput('sqlite-crash');
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
});
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const capture = (url: string) =>
  fetch(`${url}/captures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': KEY },
    body: JSON.stringify({ paymentId: 'pay_9', amount: 250 }),
  });

interface ExecutionRow {
  pid: number;
  started_at: number;
}

it('a SQLite-backed server killed mid-handler is taken over after the lease and executes once', async () => {
  const dbFile = join(outDir, 'crash.sqlite');
  const spawn = (block: boolean) => {
    const child = spawnChildServer({ outDir, dbFile, block });
    children.push(child);
    return child;
  };
  // Every process loads its code now; each opens the database file only when started.
  const [doomed, successor, third] = [spawn(true), spawn(false), spawn(false)];
  const first = await doomed.start();
  const reader = new Database(dbFile, { readonly: true });
  const rows = (): ExecutionRow[] =>
    reader
      .prepare('SELECT pid, started_at FROM capture_executions WHERE idempotency_key = ? ORDER BY rowid')
      .all(KEY) as ExecutionRow[];
  try {
    const inflight = capture(first.url).then(
      (response) => response.status,
      (error: unknown) => error,
    );
    await pollFor({
      probe: () => (rows().length === 1 ? true : undefined),
      timeoutMs: 5000,
      what: 'execution',
    });
    await first.kill();
    expect(await inflight).toBeInstanceOf(TypeError);

    const second = await successor.start();
    const conflict = await capture(second.url);
    // The poll hint (default 1s) cut to the rest of the 1 s lease: under a second, so 0 whole seconds.
    const retryAfter = Number(conflict.headers.get('retry-after'));
    const retryAfterMs = Number(conflict.headers.get('retry-after-ms'));
    expect(retryAfter).toBe(0);
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThan(LEASE_MS);
    await expectProblem(conflict, { status: 409, type: 'idempotency-request-in-progress' });

    // Poll with the same request until the lease ends: every answer before the take-over is a 409.
    const seen: number[] = [];
    const takeOver = await pollFor({
      probe: async () => {
        const response = await capture(second.url);
        seen.push(response.status);
        if (response.status === 409) {
          await response.body?.cancel();
          return undefined;
        }
        return response;
      },
      timeoutMs: retryAfter * 1000 + 3000,
      intervalMs: 50,
      what: 'the lease take-over',
    });
    expect(seen.slice(0, -1).every((status) => status === 409)).toBe(true);
    const takeOverText = await takeOver.text();
    expect(takeOver.status, takeOverText).toBe(201);
    expect(takeOver.headers.get('idempotent-replayed')).toBeNull();
    expect(takeOver.headers.get('location')).toBe('/captures/cap_pay_9');
    expect(JSON.parse(takeOverText)).toEqual({ id: 'cap_pay_9', attempt: 2, pid: second.pid });

    const executed = rows();
    expect(executed.map((row) => row.pid)).toEqual([first.pid, second.pid]);
    // The take-over did not start before the killed claim's lease had run out.
    expect(executed[1]!.started_at - executed[0]!.started_at).toBeGreaterThanOrEqual(LEASE_MS - 50);
    expect(second.events.filter((event) => event.event === 'take-over')).toEqual([
      { event: 'take-over', operationId: 'createCapture' },
    ]);

    const replay = await capture(second.url);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('location')).toBe('/captures/cap_pay_9');
    expect(await replay.text()).toBe(takeOverText);

    // The outcome is durable: a third process on the file replays it too.
    await second.kill();
    const last = await third.start();
    const durable = await capture(last.url);
    expect(durable.headers.get('idempotent-replayed')).toBe('true');
    expect(await durable.text()).toBe(takeOverText);
    expect(rows()).toHaveLength(2);
  } finally {
    reader.close();
  }
});

it('two server processes on one SQLite file: 50 concurrent requests with one key execute once', async () => {
  const dbFile = join(outDir, 'shared.sqlite');
  const spawned = [
    spawnChildServer({ outDir, dbFile, block: false }),
    spawnChildServer({ outDir, dbFile, block: false }),
  ];
  children.push(...spawned);
  const servers = await Promise.all(spawned.map((child) => child.start()));
  const send = (url: string) =>
    fetch(`${url}/captures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'shared-key' },
      body: JSON.stringify({ paymentId: 'pay_shared', amount: 1 }),
    });
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, index) => send(servers[index % 2]!.url)),
  );
  const kinds = responses.map((response) =>
    response.status === 201 && response.headers.get('idempotent-replayed') === 'true'
      ? 'replay'
      : String(response.status),
  );
  const texts = await Promise.all(responses.map((response) => response.text()));
  expect(
    kinds.filter((kind) => kind === '201'),
    texts.join('\n'),
  ).toHaveLength(1);
  expect(
    kinds.every((kind) => ['201', 'replay', '409'].includes(kind)),
    kinds.join(),
  ).toBe(true);
  const reader = new Database(dbFile, { readonly: true });
  try {
    const executed = reader
      .prepare('SELECT COUNT(*) AS n FROM capture_executions WHERE idempotency_key = ?')
      .get('shared-key') as { n: number };
    expect(executed.n).toBe(1);
  } finally {
    reader.close();
  }
});
