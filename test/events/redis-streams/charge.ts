import type { Redis } from 'ioredis';
import type { StreamMessage } from './stream-worker.js';

/** The handler's side effect: adds one to the message's charge count, every time it runs (the test asserts it ran once per message). */
export async function charge(
  redis: Redis,
  prefix: string,
  message: StreamMessage,
): Promise<{ charged: string }> {
  await redis.hincrby(`${prefix}charges`, message.id ?? '?', 1);
  return { charged: message.amount ?? '0' };
}
