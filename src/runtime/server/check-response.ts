import { ResponseValidationError } from '../errors/index.js';
import { isJsonMediaType, mediaTypeOf } from '../shared/media-type.js';
import type { HandlerResult, ServerRoute } from './types.js';

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
