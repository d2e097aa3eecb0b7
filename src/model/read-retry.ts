/** Reads one level's `x-retry` value into an annotation (fields it sets, and where). */

import { durationOrUndefined } from '../core/durations.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { type Annotation, FieldCollector, type RetryFields, readAnnotation } from './annotation.js';
import type { Jitter, RetryCondition } from './types.js';

const JITTERS: readonly Jitter[] = ['none', 'full', 'equal', 'decorrelated'];

export function readRetryCondition(value: JsonValue): RetryCondition | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 100 && value <= 599 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (value === 'network' || value === 'timeout') return value;
  if (/^[1-5]\d\d$/.test(value)) return Number(value);
  const range = value.toUpperCase();
  return /^[1-5]XX$/.test(range) ? (range as RetryCondition) : undefined;
}

export function readRetryOn(value: JsonValue | undefined): RetryCondition[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: RetryCondition[] = [];
  for (const item of value) {
    const condition = readRetryCondition(item);
    if (condition === undefined) return undefined;
    if (!out.includes(condition)) out.push(condition);
  }
  return out;
}

export function positiveNumber(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function readFields(value: JsonObject, pointer: string): Annotation<RetryFields> {
  const c = new FieldCollector<RetryFields>(pointer);
  const attempts = value.maxAttempts;
  c.set(
    'maxAttempts',
    Number.isInteger(attempts) && (attempts as number) >= 1 ? (attempts as number) : undefined,
    'maxAttempts',
  );
  if (isObject(value.backoff)) {
    const b = value.backoff;
    const backoff: NonNullable<RetryFields['backoff']> = {};
    const at = (field: string) => `${pointer}/backoff/${field}`;
    const put = <K extends keyof typeof backoff>(
      field: K,
      v: (typeof backoff)[K] | undefined,
      name: string,
    ) => {
      if (v === undefined) return;
      backoff[field] = v;
      c.fieldPointers[`backoff/${name}`] = at(name);
    };
    put('initialMs', durationOrUndefined(b.initial), 'initial');
    put('maxMs', durationOrUndefined(b.max), 'max');
    put('multiplier', positiveNumber(b.multiplier), 'multiplier');
    put(
      'jitter',
      JITTERS.find((j) => j === b.jitter),
      'jitter',
    );
    if (Object.keys(backoff).length > 0) c.fields.backoff = backoff;
  }
  c.set('maxElapsedMs', durationOrUndefined(value.maxElapsed), 'maxElapsed');
  c.set('attemptTimeoutMs', durationOrUndefined(value.attemptTimeout), 'attemptTimeout');
  c.set('retryOn', readRetryOn(value.retryOn), 'retryOn');
  const respect = typeof value.respectRetryAfter === 'boolean' ? value.respectRetryAfter : undefined;
  c.set('respectRetryAfter', respect, 'respectRetryAfter');
  return c.toAnnotation();
}

export function readRetry(options: {
  value: JsonValue | undefined;
  pointer: string;
}): Annotation<RetryFields> | undefined {
  return readAnnotation({ ...options, readFields, empty: {} });
}
