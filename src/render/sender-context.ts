/**
 * ApiModel -> the senders' template context (`server/senders.hbs`): one `send<Receiver>` per webhook and
 * callback receiver, typed by the receiver's request body, with the contract the runtime's `sendEvent`
 * needs (its `x-retry`, its key, whether it is signed).
 */
import { pickKeys, RETRY_POLICY_KEYS } from '../model/contract-keys.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import type { EventSpec } from '../runtime/events/send-event.js';
import type { RetryPolicy } from '../runtime/retry/types.js';
import { toCommentLines, toLiteral, toSafeIdentifier, toTypeName } from './escape.js';

export interface SenderContext {
  /** The receiver's type name: the sender is `send<typeName>`, its event `<typeName>Request['body']`. */
  typeName: string;
  /** The server module that declares the receiver's request type. */
  file: string;
  /** `EventSpec` as a TypeScript literal. */
  specLiteral: string;
  /** The receiver verifies signatures: `secrets` is a required option. */
  signed: boolean;
  docLines: string[];
}

function eventSpec(op: OperationModel): EventSpec {
  const spec: EventSpec = { operationId: op.id, signed: op.signature !== undefined };
  if (op.retry) {
    const { backoff, ...rest } = pickKeys<RetryPolicy>(op.retry, RETRY_POLICY_KEYS);
    // As in the client: x-retry on an unsafe receiver without x-idempotency (the rule turned off) is one attempt.
    spec.retry = { ...rest, backoff: { ...backoff }, ...(op.retrySuppressed ? { maxAttempts: 1 } : {}) };
  }
  if (op.idempotency) spec.key = op.idempotency.key;
  return spec;
}

export function modelToSenders(model: ApiModel): SenderContext[] {
  return model.operations
    .filter((op) => op.event !== undefined)
    .map((op) => {
      const event = op.event!;
      const what =
        event.kind === 'webhook'
          ? `Sends the webhook ${event.name} (received at ${op.method.toUpperCase()} ${op.path} by a generated server).`
          : `Sends the callback ${event.name} of ${event.parentId ?? ''} (to ${event.expression ?? 'its URL'}).`;
      return {
        typeName: toTypeName(toSafeIdentifier(op.id)),
        file: op.module,
        specLiteral: toLiteral(eventSpec(op)),
        signed: op.signature !== undefined,
        docLines: [
          ...(op.summary ? toCommentLines(op.summary) : []),
          ...toCommentLines(what),
          ...toCommentLines(
            op.retry
              ? `Retried on the contract's x-retry (${op.retry.maxAttempts} attempts), with one webhook-id.`
              : "Retried on Standard Webhooks' schedule (8 attempts over about 28 hours), with one webhook-id.",
          ),
        ],
      };
    });
}
