/**
 * A server process SIGKILLed while its handler blocks (after recording the execution in the shared
 * database): the duplicate sent to another process gets 409 until the 1 s lease ends, then takes the key
 * over and executes once; the killed process's late completion, played with its fencing token against the
 * same store, is refused, and the take-over's outcome is what every later duplicate replays. Redis and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutcome } from '../../src/runtime/idempotency/store.js';
import { type ClusterApi, generateClusterApi } from './helpers/cluster-generated.js';
import type { ClusterStoreKind } from './helpers/cluster-names.js';
import { executionsOf, killClusterChildren, startClusterChild } from './helpers/cluster-process.js';
import {
  type ClusterDatabase,
  keyToStoreKey,
  lookupClusterServer,
  openClusterDatabase,
} from './helpers/cluster-stores.js';
import { pollFor } from './helpers/server-poll.js';
import { expectProblem } from './helpers/server-problem.js';

const LEASE_MS = 1000;

const stores = (['redis', 'postgres'] as const).map((kind: ClusterStoreKind) => ({
  kind,
  url: lookupClusterServer(kind),
}));

let api: ClusterApi | undefined;
beforeAll(async () => {
  if (stores.some((store) => store.url !== undefined)) api = await generateClusterApi('crash');
});
afterAll(async () => {
  await killClusterChildren();
  api?.remove();
});

const capture = (url: string, key: string) =>
  fetch(`${url}/captures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ item: 'capture' }),
  });

describe.each(stores)('SIGKILL mid-handler on a shared $kind store', ({ kind, url }) => {
  let db: ClusterDatabase | undefined;
  afterAll(async () => {
    await killClusterChildren();
    await db?.close();
  });

  it.skipIf(url === undefined)(
    'the duplicate gets 409 until the lease ends, then executes once; the late completion is fenced',
    async () => {
      if (api === undefined || url === undefined) throw new Error('set-up failed');
      db = await openClusterDatabase(kind, url);
      const options = { outDir: api.outDir, store: kind, storeUrl: url, names: db.names };
      const [doomed, successor] = await Promise.all([
        startClusterChild({ ...options, hold: true }),
        startClusterChild(options),
      ]);
      const key = `capture-${db.names.namespace}`;
      const executions = async () => (await db!.executionCounts('createCapture', [key]))[key];

      const inflight = capture(doomed.url, key).then(
        (response) => response.status,
        (error: unknown) => error,
      );
      // The handler has recorded its execution in the database and now blocks.
      const killed = await pollFor({
        probe: async () => ((await executions()) === 1 ? executionsOf([doomed], key)[0] : undefined),
        timeoutMs: 10_000,
        what: 'the first execution',
      });
      const oldToken = String(killed?.token);
      expect(killed).toMatchObject({ fence: 1, takenOver: false, pid: doomed.pid });
      await doomed.kill();
      expect(await doomed.exited).toBe('SIGKILL');
      expect(await inflight).toBeInstanceOf(TypeError);

      const conflict = await capture(successor.url, key);
      // The poll hint: x-idempotency.retryAfter (1 s by default), never past the rest of the lease. The rest
      // of this 1 s lease is under a second by now, so the whole-second header says 0.
      const hintMs = Number(conflict.headers.get('retry-after-ms'));
      expect(hintMs).toBeGreaterThan(0);
      expect(hintMs).toBeLessThan(LEASE_MS);
      expect(conflict.headers.get('retry-after')).toBe('0');
      await expectProblem(conflict, { status: 409, type: 'idempotency-request-in-progress' });
      expect(await executions()).toBe(1);

      // The same request, polled until the lease has run out: every answer before the take-over is 409.
      const seen: number[] = [];
      const takeOver = await pollFor({
        probe: async () => {
          const response = await capture(successor.url, key);
          seen.push(response.status);
          if (response.status !== 409) return response;
          await response.body?.cancel();
          return undefined;
        },
        timeoutMs: LEASE_MS + 5000,
        intervalMs: 50,
        what: 'the lease take-over',
      });
      expect(seen.slice(0, -1).every((status) => status === 409)).toBe(true);
      const takeOverText = await takeOver.text();
      expect(takeOver.status, takeOverText).toBe(201);
      expect(takeOver.headers.get('idempotent-replayed')).toBeNull();
      expect(JSON.parse(takeOverText)).toEqual({ key, pid: successor.pid, fence: 2 });
      expect(await executions()).toBe(2);
      const [taken] = executionsOf([successor], key);
      expect(taken).toMatchObject({ fence: 2, takenOver: true });
      expect(successor.events.filter((event) => event.event === 'take-over')).toEqual([
        { event: 'take-over', operationId: 'createCapture', fence: 2 },
      ]);

      // The killed process "finishes late": its completion (and release) with the old token are refused.
      const storeKey = await keyToStoreKey(key);
      const late: StoredOutcome = {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key, pid: doomed.pid, fence: 1 }),
        bodyEncoding: 'text',
      };
      const now = Date.now();
      expect(
        await db.store.complete({ key: storeKey, token: oldToken, outcome: late, ttlMs: 60_000, now }),
      ).toBe(false);
      expect(await db.store.release({ key: storeKey, token: oldToken })).toBe(false);
      const record = await db.store.get(storeKey);
      expect(record).toMatchObject({ state: 'completed', fence: 2, token: String(taken?.token) });
      expect(record?.outcome?.body).toBe(takeOverText);

      const replay = await capture(successor.url, key);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.text()).toBe(takeOverText);
      expect(await executions()).toBe(2);
    },
  );
});
