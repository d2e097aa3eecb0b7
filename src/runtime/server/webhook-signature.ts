/**
 * The Standard Webhooks check of a receiver with `signature`: before the body is parsed, the handler runs or
 * the dedup store is touched. A refused delivery is `401 webhook-signature-invalid`, counted by
 * `onSignatureFailure`; the detail says what was wrong, never a secret or a signature.
 */
import { type EventHooks, fireEventHook } from '../events/hooks.js';
import { type SignatureFailureReason, verifyWebhook } from '../events/signature.js';
import type { Clock } from '../shared/clock.js';
import type { CoreRequest, CoreResponse } from './core-exchange.js';
import type { ProblemInput } from './problem-response.js';
import type { ServerRoute, WebhookSecrets } from './types.js';

const DETAILS: Record<SignatureFailureReason, string> = {
  'headers-missing': 'The delivery lacks webhook-id, webhook-timestamp or webhook-signature.',
  'timestamp-invalid': 'The webhook-timestamp is not a number of seconds.',
  'timestamp-too-old': 'The webhook-timestamp is older than the tolerance: a late or replayed delivery.',
  'timestamp-too-new': 'The webhook-timestamp is further in the future than the tolerance.',
  'signature-mismatch': 'No webhook-signature matches the delivery under the configured secrets.',
  'no-secret': 'The receiver has no secret to verify the delivery with.',
};

export function secretsFor(secrets: WebhookSecrets | undefined, operationId: string): readonly string[] {
  const value = typeof secrets === 'function' ? secrets(operationId) : secrets;
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** `undefined` when the delivery is signed as it must be; else the problem to answer. */
export async function checkWebhookSignature(input: {
  request: CoreRequest;
  route: ServerRoute;
  bytes: Uint8Array | undefined;
  secrets: WebhookSecrets | undefined;
  clock: Clock;
  hooks: EventHooks | undefined;
  problem(input: Omit<ProblemInput, 'base' | 'correlationId'>): CoreResponse;
}): Promise<CoreResponse | undefined> {
  const { route } = input;
  if (route.signature === undefined) return undefined;
  const verdict = await verifyWebhook({
    secrets: secretsFor(input.secrets, route.operationId),
    headers: input.request.headers,
    payload: input.bytes ?? new Uint8Array(0),
    now: input.clock.now(),
    toleranceMs: route.signature.toleranceMs,
  });
  if (verdict.ok) return undefined;
  fireEventHook(input.hooks?.onSignatureFailure, { operationId: route.operationId, reason: verdict.reason });
  return input.problem({ slug: 'webhook-signature-invalid', detail: DETAILS[verdict.reason] });
}
