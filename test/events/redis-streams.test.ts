/**
 * Redis Streams with a consumer group, on the real Redis (IDEMGEN_TEST_REDIS_URL): a worker killed with
 * SIGKILL mid-message leaves it pending; another worker reclaims it with XAUTOCLAIM (delivery count from
 * XPENDING), takes over the dedup lease, and every message is charged exactly once, a producer's duplicate
 * included.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdempotentConsumer } from '../../src/runtime/events/consumer.js';
import type { EventHooks } from '../../src/runtime/events/hooks.js';
import { createRedisStore } from '../../src/runtime/idempotency/stores/redis.js';
import { fromIoredis } from '../../src/runtime/idempotency/stores/redis-client.js';
import { lookupTestServer } from '../helpers/servers.js';
import { charge } from './redis-streams/charge.js';
import { ensureGroup, runStreamWorker, type StreamMessage } from './redis-streams/stream-worker.js';

const url = lookupTestServer({ variable: 'IDEMGEN_TEST_REDIS_URL' });
const CHILD = resolve('test/events/redis-streams/worker-child.ts');
const LEASE_MS = 1000;
const CLAIM_IDLE_MS = 1500;

/** Resolves with the first JSON line of `child` that `match` accepts (bounded by `timeoutMs`). */
function lineOf(child: ChildProcess, match: (event: Record<string, unknown>) => boolean, timeoutMs = 20_000) {
  return new Promise<Record<string, unknown>>((resolveLine, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(
      () => reject(new Error(`no matching line from the worker: ${stderr}`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as Record<string, unknown>;
      if (match(event)) {
        clearTimeout(timer);
        resolveLine(event);
      }
    });
  });
}

describe.skipIf(url === undefined)('Redis Streams consumer group (real Redis)', () => {
  const prefix = `idemgen-streams:${randomBytes(6).toString('hex')}:`;
  const redis = new Redis(url ?? '', { lazyConnect: true });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('handles a message exactly once after its consumer is killed mid-message', async () => {
    const stream = `${prefix}orders`;
    const group = 'billing';
    await ensureGroup(redis, stream, group);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        REDIS_STREAMS_URL: url,
        REDIS_STREAMS_PREFIX: prefix,
        REDIS_STREAMS_STREAM: stream,
        REDIS_STREAMS_GROUP: group,
        REDIS_STREAMS_CONSUMER: 'doomed',
        REDIS_STREAMS_BLOCK_ON: 'evt_crash',
        REDIS_STREAMS_LEASE_MS: String(LEASE_MS),
        REDIS_STREAMS_CLAIM_IDLE_MS: String(CLAIM_IDLE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolveExit) => child.once('exit', (_code, signal) => resolveExit(signal)));
    try {
      await lineOf(child, (e) => e.event === 'ready');
      const handling = lineOf(child, (e) => e.event === 'handling' && e.id === 'evt_crash');
      await redis.xadd(stream, '*', 'id', 'evt_crash', 'amount', '30');
      await handling;
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    // Still pending on the killed consumer, delivered once.
    const pending = (await redis.xpending(stream, group, '-', '+', 10)) as [string, string, number, number][];
    expect(pending.map(([, consumer, , count]) => [consumer, count])).toEqual([['doomed', 1]]);

    // More traffic, a producer's duplicate of one event included, for a healthy worker in this process.
    await redis.xadd(stream, '*', 'id', 'evt_a', 'amount', '10');
    await redis.xadd(stream, '*', 'id', 'evt_b', 'amount', '20');
    await redis.xadd(stream, '*', 'id', 'evt_a', 'amount', '10');

    const counts: Record<string, number> = {};
    const count = (name: string) => () => {
      counts[name] = (counts[name] ?? 0) + 1;
    };
    const hooks: EventHooks = { onDuplicate: count('duplicate'), onRedelivery: count('redelivery') };
    const consumer = createIdempotentConsumer<StreamMessage>({
      store: createRedisStore({ client: fromIoredis(redis), prefix: `${prefix}dedup:` }),
      key: '/id',
      name: 'charges',
      leaseMs: LEASE_MS,
      hooks,
      handler: (message) => charge(redis, prefix, message),
    });
    const stop = new AbortController();
    const results: string[] = [];
    const worker = runStreamWorker({
      redis,
      stream,
      group,
      consumerName: 'survivor',
      consumer,
      claimIdleMs: CLAIM_IDLE_MS,
      signal: stop.signal,
      onResult: (_id, result) => results.push(result.kind),
    });
    // Polls Redis until the group has nothing pending and nothing unread (bounded; no fixed sleep).
    const deadline = Date.now() + 30_000;
    for (;;) {
      const left = (await redis.xpending(stream, group, '-', '+', 10)) as unknown[];
      if (left.length === 0 && results.length >= 4) break;
      if (Date.now() > deadline) throw new Error(`still pending: ${JSON.stringify(left)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    stop.abort();
    await worker;

    expect(await redis.hgetall(`${prefix}charges`)).toEqual({ evt_crash: '1', evt_a: '1', evt_b: '1' });
    expect(results.sort()).toEqual(['duplicate', 'handled', 'handled', 'handled']);
    expect(counts).toEqual({ duplicate: 1, redelivery: 2 }); // broker count 2, and the lease take-over
  }, 90_000);
});
