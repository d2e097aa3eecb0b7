/** The checks behind the safety rules, one function per rule, each over one operation. */

import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import { formatDuration } from '../core/durations.js';
import type { JsonObject } from '../core/json.js';
import { resolvePointer } from '../core/json-pointer.js';
import { schemaHasPointer } from './key-pointer.js';
import { operationLabel } from './operation-ids.js';
import { resolveRef } from './resolve-ref.js';
import type { HttpMethod, OperationModel, RetryCondition } from './types.js';

export interface RuleFinding {
  diagnostic: UnlocatedDiagnostic;
  /** The operation, as `POST /orders (createOrder)`. */
  label: string;
}

export type RuleCheck = (input: { op: OperationModel; document: JsonObject }) => RuleFinding[];

const PERMANENT_STATUSES: readonly RetryCondition[] = [
  400,
  401,
  403,
  404,
  405,
  406,
  410,
  413,
  414,
  415,
  422,
  '4XX',
];
const SAFE_METHODS: readonly HttpMethod[] = ['get', 'head', 'options', 'trace'];

function finding(
  op: OperationModel,
  d: Omit<UnlocatedDiagnostic, 'message'> & { message: string },
): RuleFinding[] {
  const label = operationLabel(op);
  return [{ diagnostic: { ...d, message: `${label}: ${d.message}` }, label }];
}

/** True when the client will retry the operation: a merged x-retry with more than one attempt, not suppressed. */
function retries(op: OperationModel): boolean {
  return op.retry !== undefined && op.retry.maxAttempts > 1 && op.retrySuppressed === undefined;
}

const unsafeRetry: RuleCheck = ({ op }) =>
  op.retrySuppressed !== 'unsafe-without-idempotency'
    ? []
    : finding(op, {
        code: 'unsafe-retry',
        severity: 'error',
        message: `x-retry reaches this ${op.method.toUpperCase()}, which has no x-idempotency; the generated client will not retry it.`,
        pointer: op.pointer,
        hint: 'Add x-idempotency to the operation (or its path item or the root), or set x-retry: false on it.',
      });

const compatRetryNotApplied: RuleCheck = ({ op }) => {
  if (op.retrySuppressed !== 'compat-default-on-unsafe' || !op.retry) return [];
  const from = op.retry.pointer.startsWith('/paths/') ? 'its path item' : 'the root';
  const method = op.method.toUpperCase();
  return finding(op, {
    code: 'compat-retry-not-applied',
    severity: 'warning',
    message: `x-speakeasy-retries on ${from} reaches this ${method}, which has no x-idempotency; a retry policy inherited from a compat alias is a migration default and is not applied to an unsafe method, so the generated client will not retry it.`,
    pointer: op.retry.pointer,
    hint: 'To retry it, add x-idempotency (or x-fern-idempotent: true) to the operation; to keep one attempt, set x-retry: false on it.',
  });
};

const keyOutlivesRetry: RuleCheck = ({ op }) => {
  const idem = op.idempotency;
  const retry = op.retry;
  if (!idem || !retry || !retries(op) || idem.ttlMs >= retry.maxElapsedMs) return [];
  const maxElapsed = formatDuration(retry.maxElapsedMs);
  return finding(op, {
    code: 'key-outlives-retry',
    severity: 'error',
    message: `the idempotency ttl (${formatDuration(idem.ttlMs)}) is shorter than x-retry.maxElapsed (${maxElapsed}), so a key could expire while the client is still retrying it.`,
    pointer: idem.fieldPointers?.ttl ?? retry.fieldPointers?.maxElapsed ?? idem.pointer,
    hint: `Set x-idempotency.ttl to at least ${maxElapsed}, or lower x-retry.maxElapsed.`,
  });
};

const leaseShorterThanAttempt: RuleCheck = ({ op }) => {
  const idem = op.idempotency;
  const retry = op.retry;
  if (!idem || !retry || !retries(op) || idem.inProgressTimeoutMs >= retry.attemptTimeoutMs) return [];
  const attempt = formatDuration(retry.attemptTimeoutMs);
  return finding(op, {
    code: 'lease-shorter-than-attempt',
    severity: 'error',
    message: `x-idempotency.inProgressTimeout (${formatDuration(idem.inProgressTimeoutMs)}) is shorter than x-retry.attemptTimeout (${attempt}), so a retry could take over a lease that is still running.`,
    pointer: idem.fieldPointers?.inProgressTimeout ?? retry.fieldPointers?.attemptTimeout ?? idem.pointer,
    hint: `Set x-idempotency.inProgressTimeout to at least ${attempt}, or lower x-retry.attemptTimeout.`,
  });
};

/**
 * The poll hint of a 409 in-progress answer: past the lease it is always cut to the rest of the lease (the
 * value says something the server never sends); not shorter than the client's whole deadline, the client
 * gives up at the first in-progress answer instead of polling.
 */
const retryAfterTooLong: RuleCheck = ({ op }) => {
  const idem = op.idempotency;
  if (!idem) return [];
  const hint = formatDuration(idem.retryAfterMs);
  const pointer = idem.fieldPointers?.retryAfter ?? idem.pointer;
  if (idem.retryAfterMs > idem.inProgressTimeoutMs) {
    const lease = formatDuration(idem.inProgressTimeoutMs);
    return finding(op, {
      code: 'retry-after-too-long',
      severity: 'warning',
      message: `x-idempotency.retryAfter (${hint}) is longer than inProgressTimeout (${lease}); the server never sends more than the rest of the lease.`,
      pointer,
      hint: `Set x-idempotency.retryAfter to a short poll interval (the default is 1s), at most ${lease}.`,
    });
  }
  const retry = op.retry;
  if (!retry || !retries(op) || idem.retryAfterMs < retry.maxElapsedMs) return [];
  const maxElapsed = formatDuration(retry.maxElapsedMs);
  return finding(op, {
    code: 'retry-after-too-long',
    severity: 'warning',
    message: `x-idempotency.retryAfter (${hint}) is not shorter than x-retry.maxElapsed (${maxElapsed}), so a client ends its call at the first in-progress answer instead of retrying it with the same key.`,
    pointer,
    hint: `Set x-idempotency.retryAfter well below ${maxElapsed} (the default is 1s).`,
  });
};

const retryPermanentStatus: RuleCheck = ({ op }) => {
  const permanent = op.retry?.retryOn.filter((c) => PERMANENT_STATUSES.includes(c)) ?? [];
  if (!op.retry || permanent.length === 0) return [];
  return finding(op, {
    code: 'retry-permanent-status',
    severity: 'warning',
    message: `retryOn holds ${permanent.join(', ')}, which a retry will not change.`,
    pointer: op.retry.fieldPointers?.retryOn ?? op.retry.pointer,
    hint: `Remove ${permanent.join(', ')} from retryOn.`,
  });
};

const idempotencyOnSafeMethod: RuleCheck = ({ op }) =>
  !op.idempotency || !SAFE_METHODS.includes(op.method)
    ? []
    : finding(op, {
        code: 'idempotency-on-safe-method',
        severity: 'warning',
        message: `x-idempotency on a ${op.method.toUpperCase()}, which is safe and needs no idempotency key.`,
        pointer: op.idempotency.pointer,
        hint: 'Remove x-idempotency from this operation.',
      });

const keyPointerMissing: RuleCheck = ({ op, document }) => {
  const idem = op.idempotency;
  const key = idem?.key;
  if (!idem || !key || key.in === 'header') return [];
  const at = idem.fieldPointers?.key;
  if (key.in === 'body') {
    const schema = op.requestBody?.jsonSchema;
    if (schema !== undefined && schemaHasPointer({ document, schema, pointer: key.pointer })) return [];
    return finding(op, {
      code: 'key-pointer-missing',
      severity: 'error',
      message:
        schema === undefined
          ? `the idempotency key is taken from the body at "${key.pointer}", but the operation has no JSON request body schema.`
          : `the idempotency key pointer "${key.pointer}" names nothing in the request body schema.`,
      pointer: at ? `${at}/pointer` : idem.pointer,
      hint: 'Point key.pointer at a property of the JSON request body, or take the key from a header.',
    });
  }
  if (op.parameters.some((p) => p.in === key.in && p.name === key.name)) return [];
  return finding(op, {
    code: 'key-pointer-missing',
    severity: 'error',
    message: `the idempotency key is taken from the ${key.in} parameter "${key.name}", which the operation does not declare.`,
    pointer: at ? `${at}/name` : idem.pointer,
    hint: `Declare the ${key.in} parameter "${key.name}", or name one the operation has.`,
  });
};

/** RFC 9110 `token` (1*tchar): what a header field name must be; `fetch`'s `Headers` throws on anything else. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Header parameters whose name is not an HTTP token. The idempotency key header and the `header:<Name>`
 * items of fingerprint and scope are held to the same pattern by the x-idempotency schema (`extension-invalid`).
 */
const headerNameInvalid: RuleCheck = ({ op, document }) =>
  op.parameters
    .filter((p) => p.in === 'header' && !HTTP_TOKEN.test(p.name))
    .flatMap((p) => {
      // At the parameter itself, also when the operation reaches it through a $ref (reported once).
      const at = resolveRef({
        document,
        value: resolvePointer(document, p.pointer),
        pointer: p.pointer,
      });
      return finding(op, {
        code: 'header-name-invalid',
        severity: 'error',
        message: `the header parameter ${JSON.stringify(p.name)} is not an HTTP header name (RFC 9110 token), so no client can send it: fetch throws on it.`,
        pointer: `${at?.pointer ?? p.pointer}/name`,
        hint: "Name the header with letters, digits and !#$%&'*+-.^_`|~ only, e.g. X-Request-Id.",
      });
    });

export const RULE_CHECKS: readonly RuleCheck[] = [
  unsafeRetry,
  compatRetryNotApplied,
  keyOutlivesRetry,
  leaseShorterThanAttempt,
  retryAfterTooLong,
  retryPermanentStatus,
  idempotencyOnSafeMethod,
  keyPointerMissing,
  headerNameInvalid,
];
