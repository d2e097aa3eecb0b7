/**
 * Compatibility readings, so a team can move its spec over unchanged:
 * - `x-speakeasy-retries` is read as `x-retry` (at the root, on a path item or on an operation):
 *   `backoff.initialInterval` -> `backoff.initial`, `maxInterval` -> `max`, `exponent` -> `multiplier`,
 *   `maxElapsedTime` -> `maxElapsed`, `statusCodes` -> `retryOn`, `retryConnectionErrors: true` adds
 *   `network` and `timeout` to `retryOn` (`false` removes them); a `strategy` other than `backoff` reads
 *   as `x-retry: false`.
 * - `x-fern-idempotent: true` on an operation is read as `x-idempotency: true`; the first entry of the
 *   root's `x-fern-idempotency-headers` (`{ header, name }`) names the key header.
 * Where both forms stand on one node, ours wins and `compat-alias-shadowed` warns at the alias.
 * An `x-speakeasy-retries` inherited from the root or a path item is not applied to a POST or PATCH without
 * `x-idempotency` (`compat-retry-not-applied`, a warning; see contracts.ts).
 */

import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import { durationOrUndefined } from '../core/durations.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { type Annotation, FieldCollector, type IdempotencyFields, type RetryFields } from './annotation.js';
import { readRetryOn } from './read-retry.js';

export const SPEAKEASY_RETRIES = 'x-speakeasy-retries';
export const FERN_IDEMPOTENT = 'x-fern-idempotent';
export const FERN_IDEMPOTENCY_HEADERS = 'x-fern-idempotency-headers';

export function readSpeakeasyRetries(options: {
  value: JsonValue | undefined;
  pointer: string;
}): Annotation<RetryFields> | undefined {
  const { value, pointer } = options;
  if (!isObject(value)) return undefined;
  if (value.strategy !== undefined && value.strategy !== 'backoff') return { on: false, pointer };
  const c = new FieldCollector<RetryFields>(pointer);
  const b = isObject(value.backoff) ? value.backoff : {};
  const backoff: NonNullable<RetryFields['backoff']> = {};
  const put = <K extends keyof typeof backoff>(
    field: K,
    v: (typeof backoff)[K] | undefined,
    names: [string, string],
  ) => {
    if (v === undefined) return;
    backoff[field] = v;
    c.fieldPointers[`backoff/${names[0]}`] = `${pointer}/backoff/${names[1]}`;
  };
  put('initialMs', durationOrUndefined(b.initialInterval), ['initial', 'initialInterval']);
  put('maxMs', durationOrUndefined(b.maxInterval), ['max', 'maxInterval']);
  put('multiplier', typeof b.exponent === 'number' && b.exponent > 0 ? b.exponent : undefined, [
    'multiplier',
    'exponent',
  ]);
  if (Object.keys(backoff).length > 0) c.fields.backoff = backoff;
  c.set('maxElapsedMs', durationOrUndefined(b.maxElapsedTime), 'maxElapsed', 'backoff/maxElapsedTime');
  c.set('retryOn', readRetryOn(value.statusCodes), 'retryOn', 'statusCodes');
  const connection = value.retryConnectionErrors;
  if (typeof connection === 'boolean') c.fields.connectionErrors = connection;
  return c.toAnnotation();
}

/** `x-fern-idempotent: true` on an operation, with the key header from the root's fern headers. */
export function readFernIdempotent(options: {
  root: JsonObject;
  operation: JsonObject;
  pointer: string;
}): Annotation<IdempotencyFields> | undefined {
  if (options.operation[FERN_IDEMPOTENT] !== true) return undefined;
  const c = new FieldCollector<IdempotencyFields>(`${options.pointer}/${FERN_IDEMPOTENT}`);
  const headers = options.root[FERN_IDEMPOTENCY_HEADERS];
  const first = Array.isArray(headers) ? headers[0] : undefined;
  if (isObject(first) && typeof first.header === 'string' && first.header !== '') {
    c.fields.key = { in: 'header', name: first.header };
    c.fieldPointers.key = `/${FERN_IDEMPOTENCY_HEADERS}/0/header`;
  }
  return c.toAnnotation();
}

const ALIASES = [
  { ours: 'x-retry', alias: SPEAKEASY_RETRIES },
  { ours: 'x-idempotency', alias: FERN_IDEMPOTENT },
  { ours: 'x-pagination', alias: 'x-speakeasy-pagination' },
  { ours: 'x-pagination', alias: 'x-fern-pagination' },
  { ours: 'x-long-running', alias: 'x-ms-long-running-operation' },
] as const;

/** `compat-alias-shadowed` for each node (root, path item, operation) that carries both forms. */
export function findShadowedAliases(nodes: readonly { node: JsonObject; pointer: string; label: string }[]) {
  const out: UnlocatedDiagnostic[] = [];
  for (const { node, pointer, label } of nodes) {
    for (const { ours, alias } of ALIASES) {
      if (node[ours] === undefined || node[alias] === undefined) continue;
      out.push({
        code: 'compat-alias-shadowed',
        severity: 'warning',
        message: `${label}: ${alias} is ignored because ${ours} stands on the same node.`,
        pointer: `${pointer}/${alias}`,
        hint: `Remove ${alias}, or move its settings into ${ours}.`,
      });
    }
  }
  return out;
}
