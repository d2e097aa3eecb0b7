import { readHeader } from '../idempotency/request-parts.js';
import type { HeadersLike } from '../idempotency/types.js';
import { randomUuid } from '../shared/uuid.js';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request's correlation id: the trace id of a valid W3C `traceparent` (version not `ff`, ids not all
 * zeros), else `X-Request-Id` when it is 1 to 200 visible ASCII characters, else a fresh UUID.
 */
export function headersToCorrelationId(headers: HeadersLike): string {
  const trace = TRACEPARENT.exec(readHeader(headers, 'traceparent')?.trim().toLowerCase() ?? '');
  if (trace !== null && trace[1] !== 'ff' && !/^0+$/.test(trace[2]!) && !/^0+$/.test(trace[3]!)) {
    return trace[2]!;
  }
  const requestId = readHeader(headers, 'x-request-id')?.trim() ?? '';
  return REQUEST_ID.test(requestId) ? requestId : randomUuid();
}

/**
 * The problem `instance` for a correlation id: `urn:uuid:<id>` for a UUID, else
 * `urn:idemgen:request:<id, percent-encoded>` (a trace id or a client's own request id).
 */
export function correlationIdToInstance(correlationId: string): string {
  return UUID.test(correlationId)
    ? `urn:uuid:${correlationId.toLowerCase()}`
    : `urn:idemgen:request:${encodeURIComponent(correlationId)}`;
}
