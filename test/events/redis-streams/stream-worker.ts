/**
 * The Redis Streams demo: a consumer-group worker that hands every entry to an idempotent consumer
 * (`createIdempotentConsumer`), acknowledges what it says to, moves dead letters to a second stream, and
 * first reclaims (XAUTOCLAIM) the entries that a dead consumer left pending for `claimIdleMs`, with their
 * delivery count from XPENDING. docs/events.md shows it; redis-streams.test.ts kills a worker mid-message.
 */
import type { Redis } from 'ioredis';
import type { ConsumeResult, IdempotentConsumer } from '../../../src/runtime/events/consumer.js';

export type StreamMessage = Record<string, string>;

export interface StreamWorkerOptions {
  redis: Redis;
  stream: string;
  group: string;
  consumerName: string;
  consumer: IdempotentConsumer<StreamMessage, unknown>;
  /** An entry pending this long on another consumer is taken over (that consumer is presumed dead). */
  claimIdleMs: number;
  /** Where dead letters go (with the reason); default `<stream>:dead`. */
  deadLetterStream?: string;
  blockMs?: number;
  signal: AbortSignal;
  onResult?: (entryId: string, result: ConsumeResult<unknown>) => void;
}

type Entry = [id: string, fields: string[]];

function toMessage(fields: string[]): StreamMessage {
  const message: StreamMessage = {};
  for (let index = 0; index + 1 < fields.length; index += 2)
    message[fields[index] as string] = fields[index + 1] as string;
  return message;
}

/** Creates the group (and the stream) unless it exists. */
export async function ensureGroup(redis: Redis, stream: string, group: string): Promise<void> {
  try {
    await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
  } catch (error) {
    if (!String(error).includes('BUSYGROUP')) throw error;
  }
}

async function handle(
  options: StreamWorkerOptions,
  [id, fields]: Entry,
  deliveryCount: number,
): Promise<void> {
  const result = await options.consumer.consume(toMessage(fields), { deliveryCount });
  options.onResult?.(id, result);
  if (!result.ack) return; // left pending: redelivered by a later XAUTOCLAIM
  if (result.kind === 'dead-letter') {
    await options.redis.xadd(
      options.deadLetterStream ?? `${options.stream}:dead`,
      '*',
      ...fields,
      'reason',
      result.reason,
    );
  }
  await options.redis.xack(options.stream, options.group, id);
}

async function deliveryCountOf(options: StreamWorkerOptions, id: string): Promise<number> {
  const rows = (await options.redis.xpending(options.stream, options.group, id, id, 1)) as [
    string,
    string,
    number,
    number,
  ][];
  return rows[0]?.[3] ?? 1;
}

/** Runs until `signal` aborts: reclaim stale entries, then read new ones, forever. */
export async function runStreamWorker(options: StreamWorkerOptions): Promise<void> {
  const { redis, stream, group, consumerName, signal } = options;
  while (!signal.aborted) {
    const [, claimed] = (await redis.xautoclaim(
      stream,
      group,
      consumerName,
      options.claimIdleMs,
      '0-0',
      'COUNT',
      10,
    )) as [string, Entry[]];
    for (const entry of claimed) await handle(options, entry, await deliveryCountOf(options, entry[0]));
    const read = (await redis.xreadgroup(
      'GROUP',
      group,
      consumerName,
      'COUNT',
      10,
      'BLOCK',
      options.blockMs ?? 200,
      'STREAMS',
      stream,
      '>',
    )) as [string, Entry[]][] | null;
    for (const entry of read?.[0]?.[1] ?? []) await handle(options, entry, 1);
  }
}
