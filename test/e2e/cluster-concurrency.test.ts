/**
 * Four generated server processes behind no balancer share one store: 200 concurrent requests over 20 keys,
 * each key's ten requests spread over all four ports, execute each key's handler exactly once, counted in
 * the store's own database (Redis INCR, PostgreSQL INSERT). Every answer is 201 (original or replay) or
 * 409 in-progress, and the generated client retries the 409s with the same key until all have an outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryEvent } from '../../src/runtime/retry/types.js';
import { type ClusterApi, generateClusterApi } from './helpers/cluster-generated.js';
import type { ClusterStoreKind } from './helpers/cluster-names.js';
import { type ClusterChild, killClusterChildren, startClusterChildren } from './helpers/cluster-process.js';
import { type ClusterDatabase, lookupClusterServer, openClusterDatabase } from './helpers/cluster-stores.js';

const PROCESSES = 4;
const KEYS = 20;
const REQUESTS = 200;
/** Each handler runs this long, so that duplicates meet it in progress on other processes. */
const HANDLER_MS = 150;

const stores = (['redis', 'postgres'] as const).map((kind: ClusterStoreKind) => ({
  kind,
  url: lookupClusterServer(kind),
}));

let api: ClusterApi | undefined;
beforeAll(async () => {
  if (stores.some((store) => store.url !== undefined)) api = await generateClusterApi('concurrency');
});
afterAll(async () => {
  await killClusterChildren();
  api?.remove();
});

describe.each(stores)('four server processes sharing one $kind store', ({ kind, url }) => {
  let db: ClusterDatabase | undefined;
  let children: ClusterChild[] = [];
  beforeAll(async () => {
    if (url === undefined || api === undefined) return;
    db = await openClusterDatabase(kind, url);
    children = await startClusterChildren(PROCESSES, {
      outDir: api.outDir,
      store: kind,
      storeUrl: url,
      names: db.names,
      delayMs: HANDLER_MS,
    });
  });
  afterAll(async () => {
    await killClusterChildren();
    await db?.close();
  });

  it.skipIf(url === undefined)(
    `${REQUESTS} concurrent requests over ${KEYS} keys execute each key's handler exactly once`,
    async () => {
      if (api === undefined || db === undefined) throw new Error('set-up failed');
      const generated = await api.importClient();
      const clients = children.map((child) => generated.createClient({ baseUrl: child.url }));
      const keys = Array.from({ length: KEYS }, (_, k) => `order-${db?.names.namespace}-${k}`);
      const retries: (RetryEvent & { key: string })[] = [];
      const ports: Record<string, Set<string>> = {};

      // One request per process first, so that no process is still warming up when the burst starts.
      await Promise.all(
        clients.map((client, i) =>
          generated.createOrder(client, { body: { item: 'warm' } }, { idempotencyKey: `warm-${i}` }),
        ),
      );
      const calls = Array.from({ length: REQUESTS }, (_, i) => {
        const key = keys[i % KEYS]!;
        // Request i (the j-th of key k = i % 20, j = floor(i / 20)) goes to port (k + j) % 4: each key
        // reaches all four processes, and the keys' first requests are spread over them too.
        const client = clients[(i + Math.floor(i / KEYS)) % PROCESSES]!;
        ports[key] = new Set([...(ports[key] ?? []), client.baseUrl]);
        return generated.createOrder(
          client,
          { body: { item: key } },
          { idempotencyKey: key, hooks: { onRetry: (event) => retries.push({ ...event, key }) } },
        );
      });
      const results = await Promise.all(calls);

      for (const key of keys) expect(ports[key]?.size).toBe(PROCESSES);
      const outcomes = results.map((result) => {
        if (!result.ok) throw new Error(`a call failed: ${JSON.stringify(result.error)}`);
        return {
          status: result.status,
          key: result.data.key,
          pid: result.data.pid,
          replayed: result.headers.get('idempotent-replayed') === 'true',
        };
      });
      expect(outcomes.every((outcome) => outcome.status === 201)).toBe(true);
      // Exactly one original answer per key; all others replay it (same executing process).
      const originals = outcomes.filter((outcome) => !outcome.replayed);
      expect(originals.map((outcome) => outcome.key).sort()).toEqual([...keys].sort());
      for (const original of originals) {
        const sameKey = outcomes.filter((outcome) => outcome.key === original.key);
        expect(sameKey).toHaveLength(REQUESTS / KEYS);
        expect(new Set(sameKey.map((outcome) => outcome.pid))).toEqual(new Set([original.pid]));
      }
      // The only answers that were retried are 409 in-progress, and the race did produce some.
      expect(retries.length).toBeGreaterThan(0);
      expect(retries.filter((retry) => retry.reason !== 'in-progress' || retry.status !== 409)).toEqual([]);

      // Counted in the store's database: one execution per key.
      const counts = await db.executionCounts('createOrder', keys);
      expect(counts).toEqual(Object.fromEntries(keys.map((key) => [key, 1])));
      // The executions were spread over the processes (no single process did all the work).
      const executors = new Set(
        children.filter((child) => child.events.some((event) => event.event === 'execute')),
      );
      expect(executors.size).toBeGreaterThan(1);
      const storeErrors = children.flatMap((child) => child.events.filter((e) => e.event === 'store-error'));
      expect(storeErrors).toEqual([]);
    },
  );
});
