import { StoreUnavailableError } from '../../errors/index.js';
import { randomUuid } from '../../shared/uuid.js';
import type { ClaimResult, IdempotencyRecord, IdempotencyStore, StoredOutcome } from '../store.js';
import type { RedisLike } from './redis-client.js';
import { createScriptRunner } from './redis-client.js';
import { CLAIM_SCRIPT, COMPLETE_SCRIPT, GET_SCRIPT, RELEASE_SCRIPT } from './redis-scripts.js';

export interface RedisStoreOptions {
  /** A client through `fromIoredis` or `fromNodeRedis`, or anything with `eval`. Not owned: never closed. */
  client: RedisLike;
  /** Prepended to every store key (the engine's SHA-256 hex digest). */
  prefix?: string;
  /**
   * How long Redis keeps an in-progress record past its lease before dropping it (a crashed claim then
   * leaves nothing behind). Take-over is decided on the stored lease and the engine's `now`, not on this.
   * A holder that finishes later than lease + grace finds its record gone and its completion fenced.
   */
  inProgressGraceMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A store shared by many processes and machines: one Redis hash per record, claimed, completed and released
 * by Lua scripts that each touch that one key (atomic, and cluster-safe). Records expire by Redis expiry, so
 * there is no `sweep`. A claim is one round trip, a completion one more; a replay is one. Every client error
 * (connection refused, offline, timeout, script failure) becomes `StoreUnavailableError` with the original
 * as `cause`, which the engine answers with 503.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 *
 * const store = createRedisStore({ client: fromIoredis(new Redis(process.env.REDIS_URL!)), prefix: 'payments:' });
 * // node-redis: createRedisStore({ client: fromNodeRedis(await createClient({ url }).connect()) })
 * const server = createServer({ handlers, store });
 * ```
 */
export function createRedisStore(options: RedisStoreOptions): IdempotencyStore {
  const prefix = options.prefix ?? 'idemgen:';
  const graceMs = options.inProgressGraceMs ?? DAY_MS;
  const runScript = createScriptRunner(options.client);
  const run = async (script: string, key: string, args: string[]): Promise<unknown> => {
    try {
      return await runScript(script, [`${prefix}${key}`], args);
    } catch (error) {
      throw new StoreUnavailableError('Redis idempotency store failed', { cause: error });
    }
  };

  return {
    name: 'redis',
    async claim({ key, fingerprint, leaseMs, now }) {
      const leaseExpiresAt = now + leaseMs;
      const keepMs = Math.max(1, Math.ceil(leaseMs + graceMs));
      const args = [String(now), fingerprint, randomUuid(), String(leaseExpiresAt), String(keepMs)];
      return replyToClaim(await run(CLAIM_SCRIPT, key, args));
    },
    async complete({ key, token, outcome, ttlMs, now }) {
      const args = [token, JSON.stringify(outcome), String(now + ttlMs), String(Math.ceil(ttlMs))];
      return Number(await run(COMPLETE_SCRIPT, key, args)) === 1;
    },
    async release({ key, token }) {
      return Number(await run(RELEASE_SCRIPT, key, [token])) === 1;
    },
    async get(key) {
      return replyToRecord(key, await run(GET_SCRIPT, key, []));
    },
  };
}

function replyToClaim(reply: unknown): ClaimResult {
  const [kind, a, b, c] = replyToStrings(reply);
  if (kind === 'claimed' && a !== undefined) {
    return { kind: 'claimed', token: a, fence: Number(b), takenOver: c === '1' };
  }
  if (kind === 'completed' && a !== undefined && b !== undefined) {
    return { kind: 'completed', fingerprint: a, outcome: JSON.parse(b) as StoredOutcome };
  }
  if (kind === 'in-progress' && a !== undefined) {
    return { kind: 'in-progress', fingerprint: a, leaseExpiresAt: Number(b) };
  }
  throw new StoreUnavailableError('Redis idempotency store: unexpected claim reply', { cause: reply });
}

function replyToRecord(key: string, reply: unknown): IdempotencyRecord | undefined {
  const flat = replyToStrings(reply);
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i] ?? '', flat[i + 1] ?? '');
  const state = fields.get('state');
  if (state !== 'in-progress' && state !== 'completed') return undefined;
  const record: IdempotencyRecord = {
    key,
    state,
    fingerprint: fields.get('fp') ?? '',
    token: fields.get('token') ?? '',
    fence: Number(fields.get('fence')),
  };
  const lease = fields.get('lease');
  const expires = fields.get('expires');
  const outcome = fields.get('outcome');
  if (lease !== undefined) record.leaseExpiresAt = Number(lease);
  if (expires !== undefined) record.expiresAt = Number(expires);
  if (outcome !== undefined) record.outcome = JSON.parse(outcome) as StoredOutcome;
  return record;
}

/** An array reply as strings (ioredis and node-redis give strings and numbers; buffers are decoded). */
function replyToStrings(reply: unknown): string[] {
  if (!Array.isArray(reply)) return [];
  return reply.map((item: unknown) =>
    item instanceof Uint8Array ? new TextDecoder().decode(item) : String(item),
  );
}
