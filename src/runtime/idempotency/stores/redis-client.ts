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

/** Adapts an ioredis client (`new Redis(url)` or `new Cluster(nodes)`). */
export function fromIoredis(client: IoredisClientLike): RedisLike {
  return {
    eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
    evalsha: (sha, keys, args) => client.evalsha(sha, keys.length, ...keys, ...args),
  };
}

/** Adapts a connected node-redis client (`await createClient({ url }).connect()`). */
export function fromNodeRedis(client: NodeRedisClientLike): RedisLike {
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
