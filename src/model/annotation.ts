/**
 * One level's reading of `x-idempotency` or `x-retry` (or a compat alias): off, or on with the fields it
 * sets. Readers skip structurally invalid fields: the JSON Schema validation has already reported them.
 */
import type { JsonValue } from '../core/json.js';
import type { BackoffPolicy, IdempotencyContract, RetryContract } from './types.js';

export type IdempotencyFields = Partial<Omit<IdempotencyContract, 'pointer' | 'fieldPointers'>>;

export type RetryFields = Partial<Omit<RetryContract, 'pointer' | 'fieldPointers' | 'backoff'>> & {
  backoff?: Partial<BackoffPolicy>;
  /**
   * Speakeasy's `retryConnectionErrors`: true adds `network` and `timeout` to the (inherited or own)
   * `retryOn`, false removes them.
   */
  connectionErrors?: boolean;
};

export type Annotation<F> =
  | { on: false; pointer: string }
  | { on: true; pointer: string; fields: F; fieldPointers: Record<string, string> };

/** `true`/`false`/object -> an annotation; anything else (absent or malformed) -> `undefined`. */
export function readAnnotation<F>(options: {
  value: JsonValue | undefined;
  pointer: string;
  readFields: (value: { [key: string]: JsonValue }, pointer: string) => Annotation<F>;
  empty: F;
}): Annotation<F> | undefined {
  const { value, pointer } = options;
  if (value === false) return { on: false, pointer };
  if (value === true) return { on: true, pointer, fields: options.empty, fieldPointers: {} };
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return options.readFields(value, pointer);
  return undefined;
}

/** Collects fields and the pointers they were read from. */
export class FieldCollector<F extends object> {
  readonly fields = {} as F;
  readonly fieldPointers: Record<string, string> = {};

  constructor(private readonly pointer: string) {}

  /**
   * Sets `field` when `value` is defined, recording under `name` (the field's name in the extension) that it
   * came from `<pointer>/<source>` (`source` differs from `name` only for compat aliases).
   */
  set<K extends keyof F>(field: K, value: F[K] | undefined, name: string, source: string = name): void {
    if (value === undefined) return;
    this.fields[field] = value;
    this.fieldPointers[name] = `${this.pointer}/${source}`;
  }

  toAnnotation(): Annotation<F> {
    return { on: true, pointer: this.pointer, fields: this.fields, fieldPointers: this.fieldPointers };
  }
}
