/** Reads one level's `x-idempotency` value into an annotation (fields it sets, and where). */

import { durationOrUndefined } from '../core/durations.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import { type Annotation, FieldCollector, type IdempotencyFields, readAnnotation } from './annotation.js';
import type { FingerprintPart, IdempotencyKeySource, ScopePart } from './types.js';

const HEADER_PART = /^header:[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function readKeySource(value: JsonValue | undefined): IdempotencyKeySource | undefined {
  if (!isObject(value)) return undefined;
  const where = value.in;
  if (where === 'body')
    return typeof value.pointer === 'string' ? { in: 'body', pointer: value.pointer } : undefined;
  if (where !== 'header' && where !== 'path' && where !== 'query') return undefined;
  if (typeof value.name !== 'string' || value.name === '') return undefined;
  return { in: where, name: value.name };
}

function readParts<T extends string>(
  value: JsonValue | undefined,
  plain: readonly string[],
): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = value.every((v) => typeof v === 'string' && (plain.includes(v) || HEADER_PART.test(v)));
  return ok ? (value as T[]) : undefined;
}

function readReplay(value: JsonValue | undefined): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.map((v) => String(v).toUpperCase());
  return out.every((s) => /^[1-5](\d\d|XX)$/.test(s)) ? out : undefined;
}

function readFields(value: JsonObject, pointer: string): Annotation<IdempotencyFields> {
  const c = new FieldCollector<IdempotencyFields>(pointer);
  c.set('key', readKeySource(value.key), 'key');
  c.set('required', typeof value.required === 'boolean' ? value.required : undefined, 'required');
  c.set('ttlMs', durationOrUndefined(value.ttl), 'ttl');
  c.set('inProgressTimeoutMs', durationOrUndefined(value.inProgressTimeout), 'inProgressTimeout');
  c.set('retryAfterMs', durationOrUndefined(value.retryAfter), 'retryAfter');
  c.set(
    'fingerprint',
    readParts<FingerprintPart>(value.fingerprint, ['method', 'path', 'query', 'body']),
    'fingerprint',
  );
  c.set('scope', readParts<ScopePart>(value.scope, ['principal', 'operation']), 'scope');
  const concurrent =
    value.concurrent === 'reject' || value.concurrent === 'wait' ? value.concurrent : undefined;
  c.set('concurrent', concurrent, 'concurrent');
  c.set('replay', readReplay(value.replay), 'replay');
  return c.toAnnotation();
}

export function readIdempotency(options: {
  value: JsonValue | undefined;
  pointer: string;
}): Annotation<IdempotencyFields> | undefined {
  return readAnnotation({ ...options, readFields, empty: {} });
}
