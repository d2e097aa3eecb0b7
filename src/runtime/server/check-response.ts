import { isJsonMediaType, mediaTypeOf } from '../shared/media-type.js';
import type { HandlerResult, ServerRoute, ValidationIssue } from './types.js';

/** A handler's response body does not match its status's schema (with `validateResponses`). */
export class ResponseValidationError extends Error {
  override readonly name = 'ResponseValidationError';
  readonly operationId: string;
  readonly status: number;
  readonly issues: readonly ValidationIssue[];

  constructor(input: { operationId: string; status: number; issues: readonly ValidationIssue[] }) {
    const listed = input.issues.map((issue) => `${issue.pointer || '/'} ${issue.message}`).join('; ');
    super(`${input.operationId} returned a ${input.status} body that does not match the spec: ${listed}`);
    this.operationId = input.operationId;
    this.status = input.status;
    this.issues = input.issues;
  }
}

/** True when the body is sent as given (a string or bytes with a `content-type`), not as JSON. */
function isRawBody(result: HandlerResult): boolean {
  if (typeof result.body !== 'string' && !(result.body instanceof Uint8Array)) return false;
  return Object.keys(result.headers ?? {}).some((name) => name.toLowerCase() === 'content-type');
}

/**
 * Throws `ResponseValidationError` when the route has a response validator and a JSON body fails it (in a
 * `content` map: each JSON representation).
 */
export function checkResponseBody(route: ServerRoute, result: HandlerResult): void {
  if (route.validateResponse === undefined) return;
  const { content } = result;
  if (content !== undefined && result.body === undefined) {
    for (const media of Object.keys(content)) {
      if (isJsonMediaType(mediaTypeOf(media))) checkJson(route, result.status, content[media]);
    }
    return;
  }
  if (!isRawBody(result)) checkJson(route, result.status, result.body);
}

function checkJson(route: ServerRoute, status: number, body: unknown): void {
  const issues = route.validateResponse?.(status, body) ?? null;
  if (issues !== null && issues.length > 0) {
    throw new ResponseValidationError({ operationId: route.operationId, status, issues });
  }
}
