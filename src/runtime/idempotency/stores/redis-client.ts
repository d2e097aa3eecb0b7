/**
 * The Redis client as the store sees it: `eval` (and optionally `evalsha`) with keys and arguments. Both
 * common Node clients fit through a one-line adapter, typed structurally so the runtime imports neither.
 */
export interface RedisLike {
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
  /** When present, scripts are sent by SHA-1 once Redis has cached them (EVAL on `NOSCRIPT`). */
  evalsha?(sha: string, keys: string[], args: string[]): Promise<unknown>;
}

/** The part of an ioredis `Redis` or `Cluster` client the adapter uses. */
export interface IoredisClientLike {
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/** The part of a node-redis (`redis@4`/`@5`) client the adapter uses. */
export interface NodeRedisClientLike {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * Adapts an ioredis client: `new Redis(url)`, `new Redis({ sentinels, name })` or `new Cluster(nodes)`
 * (ioredis re-reads a cluster's slot map itself on closed connections and `CLUSTERDOWN`).
 */
export function fromIoredis(client: IoredisClientLike): RedisLike {
  return {
    eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
    evalsha: (sha, keys, args) => client.evalsha(sha, keys.length, ...keys, ...args),
  };
}

/**
 * What a node-redis cluster (`createCluster`) exposes that the adapter uses to re-read the slot map: its
 * masters' node clients and `_slots.rediscover(client)` (node-redis 4 and 5; underscored, but public in its
 * declarations). node-redis re-reads the map only on `MOVED`/`ASK`, which a killed master never sends.
 */
export interface NodeRedisClusterLike extends NodeRedisClientLike {
  masters: readonly { client?: { isReady: boolean } | undefined }[];
  _slots: { rediscover(startWith: never): Promise<void> };
}

export interface NodeRedisAdapterOptions {
  /**
   * For a cluster: after a failed call, re-read the slot map from a live master, at most once per this many
   * milliseconds (default 500). A killed master's slots then move to its promoted replica without a restart.
   */
  rediscoverIntervalMs?: number;
}

function isNodeRedisCluster(client: NodeRedisClientLike): client is NodeRedisClusterLike {
  const candidate = client as Partial<NodeRedisClusterLike>;
  return Array.isArray(candidate.masters) && typeof candidate._slots?.rediscover === 'function';
}

/**
 * After a failed call of a node-redis cluster, re-reads the slot map in the background (throttled; node-redis
 * itself merges concurrent re-reads). The failed call still fails: the engine answers it, or retries its
 * completion, and the next call goes to the promoted replica. `NOSCRIPT` is the script cache, not topology.
 */
function rediscoverOnFailure(cluster: NodeRedisClusterLike, intervalMs: number): (error: unknown) => never {
  let last = Number.NEGATIVE_INFINITY;
  return (error) => {
    const now = Date.now();
    if (!isNoScriptError(error) && now - last >= intervalMs) {
      const live = cluster.masters.find((master) => master.client?.isReady === true)?.client;
      if (live !== undefined) {
        last = now;
        cluster._slots.rediscover(live as never).catch(() => {});
      }
    }
    throw error;
  };
}

/**
 * Adapts a connected node-redis client (`await createClient({ url }).connect()`), cluster
 * (`createCluster`) or sentinel (`createSentinel`). A cluster's slot map is re-read after failed calls.
 */
export function fromNodeRedis(client: NodeRedisClientLike, options: NodeRedisAdapterOptions = {}): RedisLike {
  if (isNodeRedisCluster(client)) {
    const onFailure = rediscoverOnFailure(client, options.rediscoverIntervalMs ?? 500);
    return {
      eval: (script, keys, args) => client.eval(script, { keys, arguments: args }).catch(onFailure),
      evalsha: (sha, keys, args) => client.evalSha(sha, { keys, arguments: args }).catch(onFailure),
    };
  }
  return {
    eval: (script, keys, args) => client.eval(script, { keys, arguments: args }),
    evalsha: (sha, keys, args) => client.evalSha(sha, { keys, arguments: args }),
  };
}

/** Runs one script over a client: one round trip per call (two only when Redis lost its script cache). */
export type ScriptRunner = (script: string, keys: string[], args: string[]) => Promise<unknown>;

/**
 * A script runner that sends a script in full the first time (EVAL, which also caches it in Redis) and by
 * SHA-1 afterwards (EVALSHA), falling back to EVAL when Redis answers `NOSCRIPT` (a restart, a failover, a
 * `SCRIPT FLUSH`, or another node of a cluster).
 */
export function createScriptRunner(client: RedisLike): ScriptRunner {
  const shas = new Map<string, Promise<string>>();
  const cached = new Set<string>();
  return async (script, keys, args) => {
    const evalsha = client.evalsha?.bind(client);
    if (evalsha !== undefined && cached.has(script)) {
      try {
        return await evalsha(await scriptToSha(shas, script), keys, args);
      } catch (error) {
        if (!isNoScriptError(error)) throw error;
        cached.delete(script);
      }
    }
    const result = await client.eval(script, keys, args);
    cached.add(script);
    return result;
  };
}

function scriptToSha(shas: Map<string, Promise<string>>, script: string): Promise<string> {
  let sha = shas.get(script);
  if (sha === undefined) {
    sha = sha1Hex(script);
    shas.set(script, sha);
  }
  return sha;
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function isNoScriptError(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
