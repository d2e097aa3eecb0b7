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

/** Throws `ResponseValidationError` when the route has a response validator and a JSON body fails it. */
export function checkResponseBody(route: ServerRoute, result: HandlerResult): void {
  if (route.validateResponse === undefined || isRawBody(result)) return;
  const issues = route.validateResponse(result.status, result.body);
  if (issues !== null && issues.length > 0) {
    throw new ResponseValidationError({ operationId: route.operationId, status: result.status, issues });
  }
}
