/**
 * A Redis Streams worker in its own process, for the crash test: it prints JSON lines (`ready`, `handling`,
 * `handled`) and, on the message whose id is REDIS_STREAMS_BLOCK_ON, hangs inside the handler before its
 * side effect, so that the test can SIGKILL it mid-message.
 */
import { Redis } from 'ioredis';
import { createIdempotentConsumer } from '../../../src/runtime/events/consumer.js';
import { createRedisStore } from '../../../src/runtime/idempotency/stores/redis.js';
import { fromIoredis } from '../../../src/runtime/idempotency/stores/redis-client.js';
import { charge } from './charge.js';
import { runStreamWorker, type StreamMessage } from './stream-worker.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const print = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const redis = new Redis(env('REDIS_STREAMS_URL'));
const prefix = env('REDIS_STREAMS_PREFIX');
const blockOn = process.env.REDIS_STREAMS_BLOCK_ON;
const consumer = createIdempotentConsumer<StreamMessage>({
  store: createRedisStore({ client: fromIoredis(redis), prefix: `${prefix}dedup:` }),
  key: '/id',
  name: 'charges',
  leaseMs: Number(env('REDIS_STREAMS_LEASE_MS')),
  handler: async (message) => {
    print({ event: 'handling', id: message.id });
    if (message.id === blockOn) await new Promise(() => {}); // killed here, before the charge
    return charge(redis, prefix, message);
  },
});

print({ event: 'ready', pid: process.pid });
await runStreamWorker({
  redis,
  stream: env('REDIS_STREAMS_STREAM'),
  group: env('REDIS_STREAMS_GROUP'),
  consumerName: env('REDIS_STREAMS_CONSUMER'),
  consumer,
  claimIdleMs: Number(env('REDIS_STREAMS_CLAIM_IDLE_MS')),
  signal: new AbortController().signal,
  onResult: (entryId, result) => print({ event: 'handled', entryId, kind: result.kind }),
});
