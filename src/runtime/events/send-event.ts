/**
 * What a generated `send<Webhook>` calls: `sendWebhook` with the receiver's contract. The `webhook-id` is
 * the event's own key where the contract reads it from the body (`x-idempotency.key: { in: body }`), so
 * that a re-send of the same event by the application is deduplicated too; a header key other than
 * `webhook-id` is sent with the same value. The schedule is the contract's `x-retry`, else Standard
 * Webhooks' suggested one.
 */
import { resolveJsonPointer } from '../idempotency/json-pointer.js';
import type { RetryPolicy } from '../retry/types.js';
import type { IdempotencyKeySource } from '../shared/key-source.js';
import { randomUuid } from '../shared/uuid.js';
import { STANDARD_WEBHOOKS_SCHEDULE, scheduleFromRetryPolicy } from './schedule.js';
import { type DeliveryResult, type SendWebhookOptions, sendWebhook } from './sender.js';
import { WEBHOOK_ID_HEADER } from './signature.js';

/** A receiver's contract as the generated sender passes it. */
export interface EventSpec {
  operationId: string;
  /** The merged `x-retry`; absent: Standard Webhooks' schedule. */
  retry?: RetryPolicy;
  /** The receiver's `x-idempotency.key`, if it has one. */
  key?: IdempotencyKeySource;
  /** `x-webhook-signature`: the receiver verifies; `secrets` are then required. */
  signed: boolean;
}

export type SendEventOptions = Omit<SendWebhookOptions, 'endpoint' | 'payload'>;

function keyFromEvent(key: IdempotencyKeySource | undefined, event: unknown): string | undefined {
  if (key?.in !== 'body') return undefined;
  const value = resolveJsonPointer(event, key.pointer);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function sendEvent(
  spec: EventSpec,
  endpoint: string | URL,
  event: unknown,
  options: SendEventOptions = {},
): Promise<DeliveryResult> {
  if (spec.signed && options.secrets === undefined) {
    return Promise.reject(
      new TypeError(`${spec.operationId}: the receiver verifies signatures; pass secrets`),
    );
  }
  const id = options.id ?? keyFromEvent(spec.key, event);
  const schedule =
    options.schedule ?? (spec.retry ? scheduleFromRetryPolicy(spec.retry) : STANDARD_WEBHOOKS_SCHEDULE);
  const send = (resolvedId: string | undefined, headers = options.headers) =>
    sendWebhook({
      ...options,
      endpoint,
      payload: event,
      schedule,
      ...(resolvedId === undefined ? {} : { id: resolvedId }),
      ...(headers === undefined ? {} : { headers }),
    });
  const header =
    spec.key?.in === 'header' && spec.key.name.toLowerCase() !== WEBHOOK_ID_HEADER
      ? spec.key.name
      : undefined;
  if (header === undefined) return send(id);
  // The receiver reads its key from another header: the same id goes there, on every attempt.
  const stable = id ?? options.resume?.id ?? `msg_${randomUuid()}`;
  return send(stable, { ...options.headers, [header]: stable });
}
