/**
 * Real Redis topologies for the failover tests, started by the test itself on free loopback ports in a
 * temporary directory: a 3-master/3-replica Redis Cluster, and a primary with one replica watched by three
 * sentinels. Nodes can be SIGKILLed (a crash) and started again on the same port with the same config file.
 * No persistence (`--save ''`, `--appendonly no`). Every process still running is killed at exit.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../e2e/helpers/cluster-redis-server.js';

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Whether the failover tests run: IDEMGEN_TEST_REDIS_CLUSTER=1, or CI=true (where redis-server must exist). */
export function failoverTestsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const wanted = env.IDEMGEN_TEST_REDIS_CLUSTER === '1' || env.CI === 'true';
  if (!wanted) {
    console.warn(
      'skipping: set IDEMGEN_TEST_REDIS_CLUSTER=1 to run the Redis failover tests (they must run under CI=true)',
    );
    return false;
  }
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (probe.error !== undefined || probe.status !== 0) throw new Error('redis-server is required on PATH');
  return true;
}

export interface RedisNode {
  port: number;
  running(): boolean;
  /** Starts the process (again) with the same arguments; resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGKILL, as a crash; resolves once the process is gone. */
  kill(): Promise<void>;
}

function createNode(port: number, args: readonly string[], timeoutMs = 15_000): RedisNode {
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  return {
    port,
    running,
    start: () =>
      new Promise<void>((resolve, reject) => {
        const server = spawn('redis-server', [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        child = server;
        live.add(server);
        let output = '';
        const timer = setTimeout(
          () => reject(new Error(`redis :${port} did not start: ${output}`)),
          timeoutMs,
        );
        const onData = (chunk: Buffer) => {
          output = (output + chunk.toString()).slice(-4000);
          if (/Ready to accept connections|Sentinel ID is/.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        };
        server.stdout?.on('data', onData);
        server.stderr?.on('data', onData);
        server.once('exit', (code, signal) => {
          live.delete(server);
          clearTimeout(timer);
          reject(new Error(`redis :${port} exited (${signal ?? code}): ${output}`));
        });
      }),
    kill: async () => {
      const server = child;
      if (server === undefined || !running()) return;
      await new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGKILL');
      });
    },
  };
}

/** `redis-cli` against 127.0.0.1:`port`; its stdout, trimmed. */
export function redisCli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.status !== 0) throw new Error(`redis-cli ${args.join(' ')}: ${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, timeoutMs: number, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let ok = false;
    try {
      ok = probe();
    } catch {
      ok = false;
    }
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

const BASE_ARGS = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];

export interface RedisClusterTopology {
  nodes: RedisNode[];
  /** The ports of the nodes that are masters now, as `CLUSTER NODES` on a live node reports them. */
  masterPorts(): number[];
  /** The master serving `key`'s slot now. */
  masterOf(key: string): number;
  /** Waits until every live node reports `cluster_state:ok`, there are 3 masters, and replicas are in sync. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  node(port: number): RedisNode;
  stop(): Promise<void>;
}

/**
 * Six `redis-server --cluster-enabled yes` nodes joined by `redis-cli --cluster create --cluster-replicas 1`:
 * three masters with one replica each. `nodeTimeoutMs` is `cluster-node-timeout`: how long a master must be
 * unreachable before its replica is promoted.
 */
export async function startRedisCluster(
  options: { nodeTimeoutMs?: number } = {},
): Promise<RedisClusterTopology> {
  const dir = mkdtempSync(join(tmpdir(), 'idemgen-redis-cluster-'));
  const ports: number[] = [];
  while (ports.length < 6) {
    const port = await findFreePort();
    // Cluster nodes also listen on port + 10000 (the bus).
    if (!ports.includes(port) && port + 10_000 < 65_536) ports.push(port);
  }
  const nodes = ports.map((port) =>
    createNode(port, [
      '--port',
      String(port),
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, `nodes-${port}.conf`),
      '--cluster-node-timeout',
      String(options.nodeTimeoutMs ?? 1_000),
      '--dir',
      dir,
      ...BASE_ARGS,
    ]),
  );
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(nodes.map((node) => node.start()));
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    redisCli(ports[0]!, '--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes');
  } catch (error) {
    await stop();
    throw error;
  }

  const livePort = () => {
    const node = nodes.find((candidate) => candidate.running());
    if (node === undefined) throw new Error('no live cluster node');
    return node.port;
  };
  const masterPorts = () =>
    redisCli(livePort(), 'cluster', 'nodes')
      .split('\n')
      .filter((line) => {
        const flags = line.split(' ')[2]?.split(',') ?? [];
        return flags.includes('master') && !flags.includes('fail') && !flags.includes('fail?');
      })
      .map((line) => Number(line.split(' ')[1]?.split(':')[1]?.split('@')[0]));
  const topology: RedisClusterTopology = {
    nodes,
    masterPorts,
    masterOf(key) {
      const slot = Number(redisCli(livePort(), 'cluster', 'keyslot', key));
      const shards = redisCli(livePort(), '--json', 'cluster', 'slots');
      const ranges = JSON.parse(shards) as [number, number, [string, number, string]][];
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      if (range === undefined) throw new Error(`slot ${slot} is not served`);
      return range[2][1];
    },
    async waitHealthy(timeoutMs = 30_000) {
      await until('a healthy cluster', timeoutMs, () => {
        const ok = nodes
          .filter((node) => node.running())
          .every((node) => redisCli(node.port, 'cluster', 'info').includes('cluster_state:ok'));
        if (!ok || masterPorts().length !== 3) return false;
        // A replica that never synced cannot be promoted: wait until every replica's link is up.
        return nodes
          .filter((node) => node.running())
          .every((node) => {
            const info = redisCli(node.port, 'info', 'replication');
            return info.includes('role:master') || info.includes('master_link_status:up');
          });
      });
    },
    node(port) {
      const node = nodes.find((candidate) => candidate.port === port);
      if (node === undefined) throw new Error(`no node on ${port}`);
      return node;
    },
    stop,
  };
  try {
    await topology.waitHealthy();
  } catch (error) {
    await stop();
    throw error;
  }
  return topology;
}

export interface RedisSentinelTopology {
  name: string;
  sentinels: RedisNode[];
  /** The primary's port as the sentinels report it now. */
  primaryPort(): number;
  node(port: number): RedisNode;
  /**
   * Starts a killed data node again and waits until the sentinels have made it a replica of the current
   * primary and it is in sync (an empty node promoted before that would lose every record).
   */
  restore(port: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One primary, one replica and three sentinels (quorum 2). `downAfterMs` is the sentinels'
 * `down-after-milliseconds`: how long the primary must be unreachable before the failover starts.
 */
export async function startRedisSentinel(
  options: { downAfterMs?: number } = {},
): Promise<RedisSentinelTopology> {
  const name = 'idemgen';
  const dir = mkdtempSync(join(tmpdir(), 'idemgen-redis-sentinel-'));
  const ports: number[] = [];
  while (ports.length < 5) {
    const port = await findFreePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const [primaryPort, replicaPort, ...sentinelPorts] = ports as [number, number, number, number, number];
  const data = [primaryPort, replicaPort].map((port) =>
    createNode(port, [
      '--port',
      String(port),
      '--dir',
      dir,
      ...(port === replicaPort ? ['--replicaof', '127.0.0.1', String(primaryPort)] : []),
      ...BASE_ARGS,
    ]),
  );
  const sentinels = sentinelPorts.map((port) => {
    const file = join(dir, `sentinel-${port}.conf`);
    writeFileSync(
      file,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${primaryPort} 2`,
        `sentinel down-after-milliseconds ${name} ${options.downAfterMs ?? 1_000}`,
        `sentinel failover-timeout ${name} 5000`,
        `sentinel parallel-syncs ${name} 1`,
        '',
      ].join('\n'),
    );
    return createNode(port, [file, '--sentinel']);
  });
  const all = [...data, ...sentinels];
  const stop = async () => {
    await Promise.all(all.map((node) => node.kill()));
    rmSync(dir, { recursive: true, force: true });
  };
  const node = (port: number) => {
    const found = data.find((candidate) => candidate.port === port);
    if (found === undefined) throw new Error(`no data node on ${port}`);
    return found;
  };
  const primaryPortNow = () => {
    const live = sentinels.find((sentinel) => sentinel.running());
    if (live === undefined) throw new Error('no live sentinel');
    const reply = redisCli(live.port, 'sentinel', 'get-master-addr-by-name', name).split('\n');
    return Number(reply[1]);
  };
  try {
    await Promise.all(data.map((node) => node.start()));
    await until('the replica in sync', 15_000, () =>
      redisCli(replicaPort, 'info', 'replication').includes('master_link_status:up'),
    );
    await Promise.all(sentinels.map((node) => node.start()));
    // Every sentinel has found the replica and the other sentinels.
    await until('the sentinels to see each other', 15_000, () =>
      sentinels.every((sentinel) => {
        const info = redisCli(sentinel.port, 'info', 'sentinel');
        return info.includes('slaves=1') && info.includes('sentinels=3');
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name,
    sentinels,
    primaryPort: primaryPortNow,
    node,
    async restore(port) {
      await node(port).start();
      await until('the restarted node to replicate the new primary', 30_000, () => {
        const info = redisCli(port, 'info', 'replication');
        return (
          info.includes('role:slave') &&
          info.includes(`master_port:${primaryPortNow()}`) &&
          info.includes('master_link_status:up')
        );
      });
    },
    stop,
  };
}
