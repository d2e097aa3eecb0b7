/**
 * Key tables for the runtime's contract types. Each table names every field of its type once, checked by
 * `satisfies KeyTable<T>`: when the runtime type gains or loses a field, the table stops compiling, and so
 * does nothing go missing from the model's defaults merge (`withDefaults`) or from the literals the renderers
 * emit (`pickKeys`). The order of a table is the order of the fields in the generated literals.
 */
import type { IdempotencyContract } from '../runtime/idempotency/types.js';
import type { BackoffPolicy, RetryPolicy } from '../runtime/retry/types.js';

/** Every key of `T`, optional ones included, each mapped to `true`. */
export type KeyTable<T> = { readonly [K in keyof T]-?: true };

export const RETRY_POLICY_KEYS = {
  maxAttempts: true,
  backoff: true,
  maxElapsedMs: true,
  attemptTimeoutMs: true,
  retryOn: true,
  respectRetryAfter: true,
} as const satisfies KeyTable<RetryPolicy>;

export const BACKOFF_POLICY_KEYS = {
  initialMs: true,
  maxMs: true,
  multiplier: true,
  jitter: true,
} as const satisfies KeyTable<BackoffPolicy>;

export const IDEMPOTENCY_CONTRACT_KEYS = {
  key: true,
  required: true,
  ttlMs: true,
  inProgressTimeoutMs: true,
  retryAfterMs: true,
  fingerprint: true,
  scope: true,
  concurrent: true,
  replay: true,
} as const satisfies KeyTable<IdempotencyContract>;

const keysOf = <T>(table: KeyTable<T>) => Object.keys(table) as (keyof T)[];

/** A copy of arrays and plain objects one level deep, so that a contract never shares them with another. */
const copy = <V>(value: V): V =>
  Array.isArray(value)
    ? ([...value] as V)
    : typeof value === 'object' && value !== null
      ? { ...value }
      : value;

/** The fields of `source` the table names, in the table's order; the others (pointers) are left behind. */
export function pickKeys<T>(source: T, table: KeyTable<T>): T {
  const out = {} as T;
  for (const key of keysOf(table)) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/** Every field of the table: the one `fields` sets, else the default (arrays and objects copied). */
export function withDefaults<T>(fields: Partial<T>, defaults: T, table: KeyTable<T>): T {
  const out = {} as T;
  for (const key of keysOf(table)) out[key] = copy(fields[key] ?? defaults[key]);
  return out;
}
