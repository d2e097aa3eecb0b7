/** Idempotent events: Standard Webhooks signatures, the webhook sender and the idempotent message consumer. */
export {
  type ConsumeResult,
  createIdempotentConsumer,
  type HandleContext,
  type IdempotentConsumer,
  type IdempotentConsumerOptions,
  type MessageKey,
} from './consumer.js';
export {
  type DeadLetterReason,
  type EventHookInfo,
  type EventHooks,
  fireEventHook,
} from './hooks.js';
export {
  type SendSchedule,
  STANDARD_WEBHOOKS_DELAYS_MS,
  STANDARD_WEBHOOKS_SCHEDULE,
  scheduleFromRetryPolicy,
} from './schedule.js';
export { createWebhookSecret } from './secrets.js';
export { type EventSpec, type SendEventOptions, sendEvent } from './send-event.js';
export {
  type DeliveryAttempt,
  type DeliveryResult,
  type SendWebhookOptions,
  sendWebhook,
} from './sender.js';
export {
  DEFAULT_SIGNATURE_TOLERANCE_MS,
  type SignatureFailureReason,
  type SignatureVerdict,
  signWebhook,
  verifyWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './signature.js';
