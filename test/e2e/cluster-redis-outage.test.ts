/**
 * Redis stopped during a run: two generated server processes on a dedicated redis-server (a child this
 * test controls). While it is down, every request gets `503 dependency-unavailable` with `Retry-After` and
 * no handler runs; once it is started again on the same port, the generated client's retries (x-retry,
 * 30 s maxElapsed) complete, and each key executes exactly once, counted in Redis.
 * Skipped (with a message) when redis-server is not on PATH, except under CI=true, where it must run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryEvent } from '../../src/runtime/retry/types.js';
import { type ClusterApi, generateClusterApi } from './helpers/cluster-generated.js';
import {
  type ClusterChild,
  executionsOf,
  killClusterChildren,
  startClusterChildren,
} from './helpers/cluster-process.js';
import { type DedicatedRedis, hasRedisServer, startDedicatedRedis } from './helpers/cluster-redis-server.js';
import { type ClusterDatabase, openRedisDatabase } from './helpers/cluster-stores.js';
import { pollFor } from './helpers/server-poll.js';
import { expectProblem } from './helpers/server-problem.js';

const KEYS = 8;

function redisAvailable(): boolean {
  if (hasRedisServer()) return true;
  if (process.env.CI === 'true') throw new Error('redis-server is required on PATH under CI');
  console.warn('skipping: redis-server is not on PATH');
  return false;
}
const available = redisAvailable();

const order = (url: string, key: string) =>
  fetch(`${url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ item: key }),
  });

describe.skipIf(!available)('Redis stopped during a run', () => {
  let api: ClusterApi | undefined;
  let redis: DedicatedRedis | undefined;
  let db: ClusterDatabase | undefined;
  let children: ClusterChild[] = [];

  beforeAll(async () => {
    [api, redis] = await Promise.all([generateClusterApi('redis-outage'), startDedicatedRedis()]);
    db = await openRedisDatabase(redis.url);
    children = await startClusterChildren(2, {
      outDir: api.outDir,
      store: 'redis',
      storeUrl: redis.url,
      names: db.names,
    });
  });
  afterAll(async () => {
    await killClusterChildren();
    // Deletes the test's keys when Redis is up; always disconnects.
    await db?.close().catch(() => {});
    await redis?.stop();
    api?.remove();
  });

  it('answers 503 with Retry-After and runs nothing; after the restart the retries complete, once each', async () => {
    if (api === undefined || redis === undefined || db === undefined) throw new Error('set-up failed');
    const urlOf = (i: number) => children[i % children.length]!.url;
    const warm = `warm-${db.names.namespace}`;
    expect((await order(urlOf(0), warm)).status).toBe(201);

    await redis.stop();
    const keys = Array.from({ length: KEYS }, (_, k) => `outage-${db?.names.namespace}-${k}`);
    for (const [i, key] of keys.entries()) {
      const response = await order(urlOf(i), key);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await expectProblem(response, { status: 503, type: 'dependency-unavailable' });
    }
    expect(keys.flatMap((key) => executionsOf(children, key))).toEqual([]);
    const storeErrors = children.flatMap((child) => child.events.filter((e) => e.event === 'store-error'));
    expect(storeErrors.length).toBeGreaterThanOrEqual(KEYS);
    expect(storeErrors.filter((event) => event.operation !== 'claim')).toEqual([]);

    // The generated client retries with the same key; the 503s it meets are recorded as they happen.
    const generated = await api.importClient();
    const retries: (RetryEvent & { key: string })[] = [];
    const calls = keys.map((key, i) =>
      generated.createOrder(
        generated.createClient({ baseUrl: urlOf(i) }),
        { body: { item: key } },
        { idempotencyKey: key, hooks: { onRetry: (event) => retries.push({ ...event, key }) } },
      ),
    );
    await pollFor({
      probe: () => (keys.every((key) => retries.some((retry) => retry.key === key)) ? true : undefined),
      timeoutMs: 10_000,
      what: 'a 503 retry of every call',
    });
    expect(keys.flatMap((key) => executionsOf(children, key))).toEqual([]);

    await redis.start();
    const results = await Promise.all(calls);
    for (const [i, result] of results.entries()) {
      if (!result.ok) throw new Error(`call ${keys[i]} failed: ${JSON.stringify(result.error)}`);
      expect(result.status).toBe(201);
      expect(result.data.key).toBe(keys[i]);
      expect(result.headers.get('idempotent-replayed')).toBeNull();
      expect(result.attempts).toBeGreaterThan(1);
    }
    expect(retries.filter((retry) => retry.status !== 503)).toEqual([]);

    // Each key executed once: counted in the restarted Redis, and seen once across both processes.
    expect(await db.executionCounts('createOrder', keys)).toEqual(
      Object.fromEntries(keys.map((key) => [key, 1])),
    );
    for (const key of keys) expect(executionsOf(children, key)).toHaveLength(1);
    const again = await order(urlOf(1), keys[0]!);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await db.executionCounts('createOrder', [keys[0]!]))[keys[0]!]).toBe(1);
  });
});
