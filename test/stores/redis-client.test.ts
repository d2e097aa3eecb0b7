/** The node-redis adapter's slot-map re-read for clusters, against a stand-in cluster (no server). */
import { describe, expect, it, vi } from 'vitest';
import { fromNodeRedis } from '../../src/runtime/idempotency/stores/redis-client.js';

function fakeCluster(fail: () => Error | undefined) {
  const rediscover = vi.fn(async (_startWith: unknown) => {});
  const live = { isReady: true };
  const reply = async () => {
    const error = fail();
    if (error !== undefined) throw error;
    return 'ok';
  };
  return {
    rediscover,
    live,
    client: {
      eval: vi.fn(reply),
      evalSha: vi.fn(reply),
      masters: [{ client: { isReady: false } }, { client: live }],
      _slots: { rediscover },
    },
  };
}

describe('fromNodeRedis on a cluster', () => {
  it('re-reads the slot map from a live master after a failed call, at most once per interval', async () => {
    let error: Error | undefined = new Error('The client is offline');
    const cluster = fakeCluster(() => error);
    const redis = fromNodeRedis(cluster.client, { rediscoverIntervalMs: 60_000 });
    await expect(redis.eval('return 1', ['k'], [])).rejects.toThrow('offline');
    await expect(redis.evalsha?.('sha', ['k'], [])).rejects.toThrow('offline');
    expect(cluster.rediscover).toHaveBeenCalledTimes(1);
    expect(cluster.rediscover).toHaveBeenCalledWith(cluster.live);
    error = undefined;
    expect(await redis.eval('return 1', ['k'], [])).toBe('ok');
    expect(cluster.rediscover).toHaveBeenCalledTimes(1);
  });

  it('does not re-read it for NOSCRIPT (the script cache, not the topology)', async () => {
    const cluster = fakeCluster(() => new Error('NOSCRIPT No matching script'));
    const redis = fromNodeRedis(cluster.client, { rediscoverIntervalMs: 0 });
    await expect(redis.evalsha?.('sha', ['k'], [])).rejects.toThrow('NOSCRIPT');
    expect(cluster.rediscover).not.toHaveBeenCalled();
  });

  it('re-reads again after the interval', async () => {
    const cluster = fakeCluster(() => new Error('Socket closed unexpectedly'));
    const redis = fromNodeRedis(cluster.client, { rediscoverIntervalMs: 0 });
    await expect(redis.eval('return 1', ['k'], [])).rejects.toThrow();
    await expect(redis.eval('return 1', ['k'], [])).rejects.toThrow();
    expect(cluster.rediscover).toHaveBeenCalledTimes(2);
  });

  it('leaves a plain client alone', async () => {
    const client = { eval: vi.fn(async () => 'ok'), evalSha: vi.fn(async () => 'ok') };
    expect(await fromNodeRedis(client).eval('return 1', ['k'], ['a'])).toBe('ok');
    expect(client.eval).toHaveBeenCalledWith('return 1', { keys: ['k'], arguments: ['a'] });
  });
});
