/** An operation's idempotency contract in words: key, replay window, lease, fingerprint, scope, duplicates. */
import type { OperationModel } from '../model/types.js';
import { keySourceToText } from '../runtime/idempotency/problems.js';
import { durationToText } from './duration-text.js';

export interface Fact {
  label: string;
  text: string;
}

const SAFE = ['get', 'head', 'options', 'trace'];
const IDEMPOTENT_BY_METHOD = ['put', 'delete'];

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? 'nothing') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The contract as labelled facts; a one-fact summary when there is no `x-idempotency`. */
export function idempotencyToFacts(op: OperationModel): Fact[] {
  const idem = op.idempotency;
  const method = op.method.toUpperCase();
  if (!idem) {
    if (SAFE.includes(op.method)) {
      return [
        {
          label: 'Idempotent',
          text: `Yes: ${method} is safe (RFC 9110); it changes nothing, so any retry is harmless.`,
        },
      ];
    }
    if (IDEMPOTENT_BY_METHOD.includes(op.method)) {
      return [
        {
          label: 'Idempotent',
          text: `By HTTP semantics: ${method} is idempotent (RFC 9110), but the server does not deduplicate it; a retry runs the handler again.`,
        },
      ];
    }
    return [
      {
        label: 'Idempotent',
        text: `No: no x-idempotency applies, so a repeated ${method} runs the handler again. Retry it by hand only when you know the first request did not arrive.`,
      },
    ];
  }
  const fromClient = idem.key.in === 'header';
  const facts: Fact[] = [
    {
      label: 'Idempotent',
      text: 'Yes: the server deduplicates requests by key; retrying by hand with the same key is safe.',
    },
    {
      label: 'Key',
      text:
        `${keySourceToText(idem.key)}${fromClient ? ', a UUID the generated client mints per call (unless the caller passes a key) and sends on every attempt' : ', the request’s own value'}; ` +
        (idem.required
          ? 'required (a request without it gets 400 idempotency-key-missing).'
          : 'optional (a request without it runs without deduplication).'),
    },
    {
      label: 'Replay',
      text: `Outcomes with status ${list(idem.replay)} are stored for ${durationToText(idem.ttlMs)} (ttl) and replayed to a request with the same key; any other outcome releases the key, so a retry runs the handler again.`,
    },
    {
      label: 'Lease',
      text: `A claimed key is held for ${durationToText(idem.inProgressTimeoutMs)} (inProgressTimeout); after that a duplicate may take it over, and the late first completion is refused.`,
    },
    {
      label: 'Fingerprint',
      text: `${list(idem.fingerprint)}: the same key with a different request gets 422 idempotency-key-reused.`,
    },
    { label: 'Scope', text: `Keys are distinct per ${list(idem.scope)}.` },
    {
      label: 'Duplicate in flight',
      text:
        idem.concurrent === 'reject'
          ? `Answered 409 idempotency-request-in-progress with a poll hint of ${durationToText(idem.retryAfterMs)} (retryAfter); retry with the same key after it.`
          : `Held until the first request finishes (at most ${durationToText(idem.inProgressTimeoutMs)}), then given its outcome; 409 idempotency-request-in-progress if it never finishes.`,
    },
  ];
  return facts;
}
