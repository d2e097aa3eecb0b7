import type { IdempotencyKeySource } from '../shared/key-source.js';
import { randomUuid } from '../shared/uuid.js';
import type { PathValue, QueryValue } from './types.js';

const pointerGet = (value: unknown, pointer: string): unknown => {
  if (pointer === '') return value;
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
};

const asKey = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;

export interface ResolveKeyInput {
  idempotency?: IdempotencyKeySource | undefined;
  /** The key the caller passed, or the header it set. */
  given?: string | undefined;
  pathParams?: Record<string, PathValue | object> | undefined;
  query?: Record<string, QueryValue | object> | undefined;
  body?: unknown;
}

/**
 * The call's idempotency key: for a header key, the caller's key or one fresh UUID (the same on every
 * attempt); for a deterministic key, the value already in the request (path, query or body pointer).
 */
export const resolveKey = ({
  idempotency,
  given,
  pathParams,
  query,
  body,
}: ResolveKeyInput): string | undefined => {
  if (!idempotency) return undefined;
  switch (idempotency.in) {
    case 'header':
      return given ?? randomUuid();
    case 'path':
      return asKey(pathParams?.[idempotency.name]);
    case 'query': {
      const value = query?.[idempotency.name];
      return asKey(Array.isArray(value) ? value[0] : value);
    }
    case 'body':
      return asKey(pointerGet(body, idempotency.pointer));
  }
};
