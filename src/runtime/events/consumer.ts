/**
 * `createIdempotentConsumer`: queue messages of any broker handled once per key, on the idempotency engine
 * that the generated server uses for requests (the same claim, lease, completion and fencing), so that a
 * redelivered message (a visibility timeout, a rebalance, a consumer that crashed before acknowledging) runs
 * its handler once. The consumer never acknowledges by itself: its answer says whether to (`ack`), and
 * which messages go to the dead-letter queue.
 */
import { createIdempotencyEngine, type IdempotencyEngine } from '../idempotency/engine.js';
import { type ExtractedKey, extractIdempotencyKey } from '../idempotency/extract-key.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import type { IdempotencyContract, IdempotentResponse } from '../idempotency/types.js';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import { type DeadLetterReason, type EventHooks, fireEventHook } from './hooks.js';

/** Where a message's key is: a JSON pointer into the message (`/id`, `/headers/correlation-id`) or a function. */
export type MessageKey<M> = string | ((message: M) => unknown);

export interface HandleContext {
  /** The message's key (what deduplicates it). */
  key: string;
  /** The broker's delivery count, when the caller passed it (1: first delivery). */
  deliveryCount: number | undefined;
  /** Whether this delivery took over the lease of an earlier one that never finished (it crashed). */
  takenOver: boolean;
  /** The claim's fencing token: pass it to your own writes if they are fenced too. */
  fence: number;
}

export interface IdempotentConsumerOptions<M, R> {
  store: IdempotencyStore;
  key: MessageKey<M>;
  handler: (message: M, context: HandleContext) => R | Promise<R>;
  /** Scopes the keys (two consumers with different names never share one) and names the hooks' events. */
  name?: string;
  /** How long a handled message's outcome is kept (duplicates within it are not run). Default 24 hours. */
  ttlMs?: number;
  /**
   * The lease of a running handler. A consumer killed mid-message leaves its claim; a redelivery after the
   * lease takes it over and runs the handler (the killed one's late completion is fenced). Default 60 s:
   * keep it longer than the longest handler, and shorter than the broker's redelivery delay.
   */
  leaseMs?: number;
  /** Errors that will fail again however often the message is retried: dead-lettered at once. */
  isPermanent?: (error: unknown) => boolean;
  /** A message that failed on its `maxDeliveries`-th delivery (the caller's `deliveryCount`) is dead-lettered. */
  maxDeliveries?: number;
  clock?: Clock;
  hooks?: EventHooks;
  /** A ready engine (then `store` and `clock` are not used for it). */
  engine?: IdempotencyEngine;
}

/**
 * What to do with the message. `ack: true`: acknowledge it (handled now, handled before, or dead-lettered:
 * move it to the dead-letter queue first). `ack: false`: leave it for redelivery (it failed transiently,
 * another consumer holds it, or the store is down).
 */
export type ConsumeResult<R> =
  | { kind: 'handled'; ack: true; key: string; result: R }
  | { kind: 'duplicate'; ack: true; key: string; result: R }
  | { kind: 'dead-letter'; ack: true; key?: string | undefined; reason: DeadLetterReason; error?: unknown }
  | { kind: 'in-progress'; ack: false; key: string; retryAfterMs: number }
  | { kind: 'retry'; ack: false; key: string; error: unknown }
  | { kind: 'store-unavailable'; ack: false; key: string };

export interface IdempotentConsumer<M, R> {
  consume(message: M, options?: { deliveryCount?: number; signal?: AbortSignal }): Promise<ConsumeResult<R>>;
}

const HANDLED = 200;
const DEAD_LETTER = 422;
const JSON_TYPE = { 'content-type': 'application/json' };

function readKey<M>(source: MessageKey<M>, message: M): ExtractedKey {
  const value = typeof source === 'function' ? source(message) : undefined;
  return extractIdempotencyKey({
    source: { in: 'body', pointer: typeof source === 'function' ? '' : source },
    request: { method: 'CONSUME', pathTemplate: '', body: typeof source === 'function' ? value : message },
  });
}

function bodyText(response: IdempotentResponse): string | undefined {
  const { body } = response;
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

export function createIdempotentConsumer<M, R = unknown>(
  options: IdempotentConsumerOptions<M, R>,
): IdempotentConsumer<M, R> {
  const name = options.name ?? 'consumer';
  const hooks = options.hooks ?? {};
  const clock = options.clock ?? systemClock;
  const engine = options.engine ?? createIdempotencyEngine({ store: options.store, clock });
  const contract: IdempotencyContract = {
    key: { in: 'body', pointer: '' },
    required: true,
    ttlMs: options.ttlMs ?? 24 * 3_600_000,
    inProgressTimeoutMs: options.leaseMs ?? 60_000,
    retryAfterMs: 1000,
    // A redelivery is the same message: the key alone identifies it.
    fingerprint: [],
    scope: ['operation'],
    concurrent: 'reject',
    replay: ['2XX', '4XX'],
  };
  const info = { operationId: name };
  const deadLetter = (reason: DeadLetterReason, key?: string, error?: unknown): ConsumeResult<R> => {
    fireEventHook(hooks.onDeadLetter, { ...info, key, reason });
    return { kind: 'dead-letter', ack: true, key, reason, error };
  };

  return {
    async consume(message, consumeOptions = {}) {
      const { deliveryCount } = consumeOptions;
      const extracted = readKey(options.key, message);
      if (extracted.kind === 'absent') return deadLetter('key-missing');
      if (extracted.kind === 'invalid') return deadLetter('key-invalid');
      const { key } = extracted;
      fireEventHook(hooks.onDelivery, { ...info, key });
      if (deliveryCount !== undefined && deliveryCount > 1)
        fireEventHook(hooks.onRedelivery, { ...info, key, cause: 'broker' });
      let thrown: { error: unknown } | undefined;
      let handled: { result: R } | undefined;
      const outcome = await engine
        .runIdempotent({
          contract,
          request: { method: 'CONSUME', pathTemplate: name },
          operationId: name,
          extracted,
          async execute(_signal, claim) {
            const takenOver = claim?.takenOver ?? false;
            if (takenOver) fireEventHook(hooks.onRedelivery, { ...info, key, cause: 'take-over' });
            try {
              const result = await options.handler(message, {
                key,
                deliveryCount,
                takenOver,
                fence: claim?.fence ?? 0,
              });
              handled = { result };
              const body = result === undefined ? undefined : JSON.stringify(result);
              return { status: HANDLED, headers: JSON_TYPE, ...(body === undefined ? {} : { body }) };
            } catch (error) {
              const permanent = options.isPermanent?.(error) === true;
              const exhausted =
                options.maxDeliveries !== undefined &&
                deliveryCount !== undefined &&
                deliveryCount >= options.maxDeliveries;
              if (!permanent && !exhausted) throw error;
              thrown = { error };
              // Stored like a handled outcome: a redelivery of a dead-lettered message is not run again.
              const reason: DeadLetterReason = permanent ? 'permanent-error' : 'max-deliveries';
              return {
                status: DEAD_LETTER,
                headers: JSON_TYPE,
                body: JSON.stringify({ deadLetter: reason }),
              };
            }
          },
        })
        .catch((error: unknown) => ({ kind: 'thrown' as const, error }));

      if (outcome.kind === 'thrown') return { kind: 'retry', ack: false, key, error: outcome.error };
      if (outcome.kind === 'problem') {
        if (outcome.slug === 'idempotency-request-in-progress') {
          fireEventHook(hooks.onRedelivery, { ...info, key, cause: 'in-progress' });
          const retryAfterMs = Number(outcome.headers['retry-after'] ?? '1') * 1000;
          return { kind: 'in-progress', ack: false, key, retryAfterMs };
        }
        return { kind: 'store-unavailable', ack: false, key };
      }
      const response = outcome.response;
      const replayed = outcome.kind === 'replayed';
      if (response.status === DEAD_LETTER) {
        const stored = JSON.parse(bodyText(response) ?? '{}') as { deadLetter?: DeadLetterReason };
        if (replayed) fireEventHook(hooks.onDuplicate, { ...info, key });
        return deadLetter(stored.deadLetter ?? 'permanent-error', key, thrown?.error);
      }
      if (!replayed && handled !== undefined)
        return { kind: 'handled', ack: true, key, result: handled.result };
      fireEventHook(hooks.onDuplicate, { ...info, key });
      const text = bodyText(response);
      return {
        kind: 'duplicate',
        ack: true,
        key,
        result: (text === undefined ? undefined : JSON.parse(text)) as R,
      };
    },
  };
}
