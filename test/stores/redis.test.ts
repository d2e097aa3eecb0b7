import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreUnavailableError } from '../../src/runtime/errors/index.js';
import type { StoredOutcome } from '../../src/runtime/idempotency/store.js';
import { createRedisStore } from '../../src/runtime/idempotency/stores/redis.js';
import type { RedisLike } from '../../src/runtime/idempotency/stores/redis-client.js';
import { fromIoredis, fromNodeRedis } from '../../src/runtime/idempotency/stores/redis-client.js';
import { lookupTestServer } from '../helpers/servers.js';
import { describeStoreConformance } from './store.case.js';

const url = lookupTestServer({ variable: 'IDEMGEN_TEST_REDIS_URL' });
const outcome: StoredOutcome = { status: 201, headers: {}, body: '{"id":1}', bodyEncoding: 'text' };

/** Counts the calls (each one round trip) that reach the client. */
function countCalls(client: RedisLike): { client: RedisLike; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    client: {
      eval: (script, keys, args) => {
        calls.push('eval');
        return client.eval(script, keys, args);
      },
      evalsha: (sha, keys, args) => {
        calls.push('evalsha');
        if (client.evalsha === undefined) throw new Error('no evalsha');
        return client.evalsha(sha, keys, args);
      },
    },
  };
}

describe.skipIf(url === undefined)('redis store (real server)', () => {
  const prefix = `idemgen-test:${randomUUID()}:`;
  let ioredis: Redis;
  let nodeRedis: ReturnType<typeof createClient>;

  beforeAll(async () => {
    ioredis = new Redis(url ?? '', { maxRetriesPerRequest: 1 });
    nodeRedis = await createClient({ url: url ?? '' }).connect();
  });
  afterAll(async () => {
    const keys = await ioredis.keys(`${prefix}*`);
    if (keys.length > 0) await ioredis.del(...keys);
    ioredis.disconnect();
    nodeRedis.destroy();
  });

  describeStoreConformance('redis (ioredis)', { sweep: false, restart: true }, async () => ({
    store: createRedisStore({ client: fromIoredis(ioredis), prefix }),
    restart: async () => createRedisStore({ client: fromIoredis(ioredis), prefix }),
    cleanup: async () => {},
  }));

  describeStoreConformance('redis (node-redis)', { sweep: false, restart: true }, async () => ({
    store: createRedisStore({ client: fromNodeRedis(nodeRedis), prefix }),
    restart: async () => createRedisStore({ client: fromNodeRedis(nodeRedis), prefix }),
    cleanup: async () => {},
  }));

  it('claims a new key in one round trip, completes in one more, and replays in one', async () => {
    const counted = countCalls(fromIoredis(ioredis));
    const store = createRedisStore({ client: counted.client, prefix });
    const key = randomUUID();
    const claim = await store.claim({ key, fingerprint: 'f', leaseMs: 1_000, now: 0 });
    if (claim.kind !== 'claimed') throw new Error('expected claimed');
    await store.complete({ key, token: claim.token, outcome, ttlMs: 60_000, now: 1 });
    expect(counted.calls).toHaveLength(2);
    counted.calls.length = 0;
    expect(await store.claim({ key, fingerprint: 'f', leaseMs: 1_000, now: 2 })).toMatchObject({
      kind: 'completed',
    });
    expect(counted.calls).toEqual(['evalsha']);
    counted.calls.length = 0;
    const fresh = randomUUID();
    await store.claim({ key: fresh, fingerprint: 'f', leaseMs: 1_000, now: 0 });
    expect(counted.calls).toEqual(['evalsha']);
  });

  it('sends a script again in full when Redis lost its script cache', async () => {
    const counted = countCalls(fromNodeRedis(nodeRedis));
    const store = createRedisStore({ client: counted.client, prefix });
    await store.claim({ key: randomUUID(), fingerprint: 'f', leaseMs: 1_000, now: 0 });
    await ioredis.script('FLUSH');
    counted.calls.length = 0;
    expect(await store.claim({ key: randomUUID(), fingerprint: 'f', leaseMs: 1_000, now: 0 })).toMatchObject({
      kind: 'claimed',
    });
    expect(counted.calls).toEqual(['evalsha', 'eval']);
  });

  it('keeps one hash per record, with a Redis expiry beyond the lease and at the TTL once completed', async () => {
    const store = createRedisStore({ client: fromIoredis(ioredis), prefix, inProgressGraceMs: 60_000 });
    const key = randomUUID();
    const claim = await store.claim({ key, fingerprint: 'f', leaseMs: 5_000, now: 1_000 });
    if (claim.kind !== 'claimed') throw new Error('expected claimed');
    expect(await ioredis.type(`${prefix}${key}`)).toBe('hash');
    const leaseTtl = await ioredis.pttl(`${prefix}${key}`);
    expect(leaseTtl).toBeGreaterThan(60_000);
    expect(leaseTtl).toBeLessThanOrEqual(65_000);
    await store.complete({ key, token: claim.token, outcome, ttlMs: 2_000, now: 1_500 });
    const ttl = await ioredis.pttl(`${prefix}${key}`);
    expect(ttl).toBeGreaterThan(1_000);
    expect(ttl).toBeLessThanOrEqual(2_000);
    expect(await ioredis.hgetall(`${prefix}${key}`)).toMatchObject({
      state: 'completed',
      expires: '3500',
      fence: '1',
      token: claim.token,
    });
  });

  it('gives a claim sent twice (a re-send after a closed connection) its own claim back, not in-progress', async () => {
    const base = fromIoredis(ioredis);
    const twice: RedisLike = {
      eval: async (script, keys, args) => {
        await base.eval(script, keys, args);
        return base.eval(script, keys, args);
      },
    };
    const store = createRedisStore({ client: twice, prefix });
    const key = randomUUID();
    const claim = await store.claim({ key, fingerprint: 'f', leaseMs: 5_000, now: 0 });
    expect(claim).toMatchObject({ kind: 'claimed', fence: 1 });
    if (claim.kind !== 'claimed') throw new Error('expected claimed');
    expect((await store.get(key))?.token).toBe(claim.token);
    // Another claimer (another nonce) still sees the record in progress.
    const other = createRedisStore({ client: base, prefix });
    expect(await other.claim({ key, fingerprint: 'f', leaseMs: 5_000, now: 1 })).toMatchObject({
      kind: 'in-progress',
    });
  });

  it('forgets a crashed claim once Redis expires it: the next claim starts afresh', async () => {
    const store = createRedisStore({ client: fromIoredis(ioredis), prefix, inProgressGraceMs: 0 });
    const key = randomUUID();
    const first = await store.claim({ key, fingerprint: 'f', leaseMs: 30, now: 0 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.get(key)).toBeUndefined();
    const second = await store.claim({ key, fingerprint: 'f', leaseMs: 30, now: 0 });
    expect(second).toMatchObject({ kind: 'claimed', fence: 1, takenOver: false });
    if (first.kind !== 'claimed') throw new Error('expected claimed');
    expect(await store.complete({ key, token: first.token, outcome, ttlMs: 1_000, now: 0 })).toBe(false);
  });
});

describe('redis store, server unreachable', () => {
  const closedPort = async (): Promise<number> => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  };

  it('fails a claim with StoreUnavailableError at once (ioredis, no offline queue)', async () => {
    const port = await closedPort();
    const client = new Redis({
      port,
      host: '127.0.0.1',
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    client.on('error', () => {});
    await client.connect().catch(() => {});
    const store = createRedisStore({ client: fromIoredis(client) });
    const started = performance.now();
    const error = await store.claim({ key: 'k', fingerprint: 'f', leaseMs: 1, now: 0 }).catch((e) => e);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(isStoreUnavailableError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(Error);
    client.disconnect();
  });

  it('fails a claim with StoreUnavailableError at once (node-redis, closed client)', async () => {
    const port = await closedPort();
    const client = createClient({
      url: `redis://127.0.0.1:${port}`,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: false },
    });
    client.on('error', () => {});
    await client.connect().catch(() => {});
    const store = createRedisStore({ client: fromNodeRedis(client) });
    const error = await store.claim({ key: 'k', fingerprint: 'f', leaseMs: 1, now: 0 }).catch((e) => e);
    expect(isStoreUnavailableError(error)).toBe(true);
  });
});
