/**
 * Merging `x-idempotency` and `x-retry` into one contract per operation.
 *
 * Merge semantics:
 * - Walk root -> path item -> operation. At each level the annotation is `false`, `true` or an object.
 * - `false` switches the contract off at that level and drops everything inherited from above (a level
 *   below may switch it on again, starting from the defaults).
 * - `true` switches it on and contributes no fields: the fields inherited from above apply, else the defaults.
 * - An object switches it on and overlays its fields on the inherited ones, field by field. The nested
 *   `backoff` of `x-retry` merges field by field too; `key` of `x-idempotency` is replaced as a whole.
 * - `x-idempotency` at the root or on a path item applies only to the unsafe methods POST and PATCH. PUT,
 *   DELETE, GET, HEAD, OPTIONS and TRACE get it only when the operation itself has `x-idempotency` (`true`
 *   or an object); they then inherit fields from the path item and root like any other operation.
 * - `x-retry` applies to every operation below it. `budget` is read from the root only (`ApiModel.retryBudget`).
 * - The contract's `pointer` is that of the nearest annotation that contributed (switched it on or set fields).
 * - An unsafe operation (POST, PATCH) that `x-retry` reaches (with `maxAttempts` above 1) but that has no
 *   `x-idempotency` gets `retrySuppressed: 'unsafe-without-idempotency'`: its client makes one attempt,
 *   whatever the severity of the `unsafe-retry` rule.
 * - Compat aliases (`x-speakeasy-retries`, `x-fern-idempotent`) are read where ours is absent; see compat.ts.
 * - When the only retry annotations that reach such an unsafe operation are `x-speakeasy-retries` on the root
 *   or its path item (a migration default, not a statement of our contract), it gets
 *   `retrySuppressed: 'compat-default-on-unsafe'` instead: one attempt, and the `compat-retry-not-applied`
 *   warning rather than the `unsafe-retry` error.
 */

import type { JsonObject } from '../core/json.js';
import { DEFAULT_IDEMPOTENCY } from '../runtime/idempotency/defaults.js';
import { DEFAULT_RETRY_POLICY } from '../runtime/retry/defaults.js';
import type { Annotation, IdempotencyFields, RetryFields } from './annotation.js';
import { readFernIdempotent, readSpeakeasyRetries, SPEAKEASY_RETRIES } from './compat.js';
import {
  BACKOFF_POLICY_KEYS,
  IDEMPOTENCY_CONTRACT_KEYS,
  RETRY_POLICY_KEYS,
  withDefaults,
} from './contract-keys.js';
import { readIdempotency } from './read-idempotency.js';
import { readRetry } from './read-retry.js';
import type {
  HttpMethod,
  IdempotencyContract,
  OperationModel,
  RetryCondition,
  RetryContract,
} from './types.js';
import { UNSAFE_METHODS } from './types.js';

export interface ContractLevel {
  node: JsonObject;
  pointer: string;
}

interface Merged<F> {
  fields: F;
  fieldPointers: Record<string, string>;
  pointer: string;
}

export function mergeLevels<F>(
  levels: (Annotation<F> | undefined)[],
  overlay: (base: F, top: F) => F,
  empty: F,
) {
  let merged: Merged<F> | undefined;
  for (const level of levels) {
    if (level === undefined) continue;
    if (!level.on) {
      merged = undefined;
      continue;
    }
    merged = {
      fields: overlay(merged?.fields ?? empty, level.fields),
      fieldPointers: { ...merged?.fieldPointers, ...level.fieldPointers },
      pointer: level.pointer,
    };
  }
  return merged;
}

const CONNECTION: readonly RetryCondition[] = ['network', 'timeout'];

function overlayRetry(base: RetryFields, top: RetryFields): RetryFields {
  const { connectionErrors, ...fields } = top;
  const out: RetryFields = { ...base, ...fields, backoff: { ...base.backoff, ...fields.backoff } };
  if (connectionErrors !== undefined) {
    const statuses = (out.retryOn ?? DEFAULT_RETRY_POLICY.retryOn).filter((c) => !CONNECTION.includes(c));
    out.retryOn = connectionErrors ? [...statuses, ...CONNECTION] : statuses;
  }
  return out;
}

function idempotencyAt(level: ContractLevel, root: JsonObject, isOperation: boolean) {
  const ours = readIdempotency({
    value: level.node['x-idempotency'],
    pointer: `${level.pointer}/x-idempotency`,
  });
  if (ours !== undefined || !isOperation) return ours;
  return readFernIdempotent({ root, operation: level.node, pointer: level.pointer });
}

interface RetryLevel {
  annotation: Annotation<RetryFields> | undefined;
  /** True when the annotation is a compat alias (`x-speakeasy-retries`), not our `x-retry`. */
  alias: boolean;
}

function retryAt(level: ContractLevel): RetryLevel {
  const ours = readRetry({ value: level.node['x-retry'], pointer: `${level.pointer}/x-retry` });
  if (ours !== undefined) return { annotation: ours, alias: false };
  const alias = readSpeakeasyRetries({
    value: level.node[SPEAKEASY_RETRIES],
    pointer: `${level.pointer}/${SPEAKEASY_RETRIES}`,
  });
  return { annotation: alias, alias: alias !== undefined };
}

/**
 * True when every annotation that switches retry on for the operation (after the last `false`) is a compat
 * alias on the root or the path item, and the operation itself carries none.
 */
function onlyInheritedAliases(levels: readonly RetryLevel[]): boolean {
  if (levels[levels.length - 1]?.annotation !== undefined) return false;
  let contributors: boolean[] = [];
  for (const { annotation, alias } of levels) {
    if (annotation === undefined) continue;
    if (annotation.on) contributors.push(alias);
    else contributors = [];
  }
  return contributors.length > 0 && contributors.every((isAlias) => isAlias);
}

export type OperationContracts = Pick<OperationModel, 'idempotency' | 'retry' | 'retrySuppressed'>;

/** The merged `x-idempotency` and `x-retry` of one operation (see the merge semantics above). */
export function mergeContracts(options: {
  root: ContractLevel;
  pathItem: ContractLevel;
  operation: ContractLevel;
  method: HttpMethod;
}): OperationContracts {
  const { root, pathItem, operation, method } = options;
  const own = idempotencyAt(operation, root.node, true);
  const unsafe = UNSAFE_METHODS.includes(method);
  const idemLevels = [idempotencyAt(root, root.node, false), idempotencyAt(pathItem, root.node, false), own];
  const applies = unsafe || own?.on === true;
  const idem = applies
    ? mergeLevels<IdempotencyFields>(idemLevels, (base, top) => ({ ...base, ...top }), {})
    : undefined;
  const retryLevels = [retryAt(root), retryAt(pathItem), retryAt(operation)];
  const retry = mergeLevels<RetryFields>(
    retryLevels.map((l) => l.annotation),
    overlayRetry,
    {},
  );

  const out: OperationContracts = {};
  if (idem) out.idempotency = toIdempotencyContract(idem);
  if (retry) out.retry = toRetryContract(retry);
  if (out.retry && out.retry.maxAttempts > 1 && unsafe && !out.idempotency) {
    out.retrySuppressed = onlyInheritedAliases(retryLevels)
      ? 'compat-default-on-unsafe'
      : 'unsafe-without-idempotency';
  }
  return out;
}

/** The merged fields over the defaults (extensions.md), every field of the runtime's contract set. */
function toIdempotencyContract(merged: Merged<IdempotencyFields>): IdempotencyContract {
  return {
    ...withDefaults(merged.fields, DEFAULT_IDEMPOTENCY, IDEMPOTENCY_CONTRACT_KEYS),
    pointer: merged.pointer,
    fieldPointers: merged.fieldPointers,
  };
}

/** The merged fields over the defaults; `backoff` merges field by field. */
function toRetryContract(merged: Merged<RetryFields>): RetryContract {
  const { backoff, ...fields } = merged.fields;
  return {
    ...withDefaults(fields, DEFAULT_RETRY_POLICY, RETRY_POLICY_KEYS),
    backoff: withDefaults(backoff ?? {}, DEFAULT_RETRY_POLICY.backoff, BACKOFF_POLICY_KEYS),
    pointer: merged.pointer,
    fieldPointers: merged.fieldPointers,
  };
}
