/**
 * The server's `errorBody` option: the framework's own errors (the problem slugs, 404, 405, 413, 500, 501,
 * 503) in the API's own error format. The problem details are built as always and handed to the option;
 * its answer replaces the body and content type only: the status and the headers (`Retry-After`, `Allow`,
 * `X-Request-Id`) stay, and `Problem-Type` keeps the problem's type URI for clients that classify by it.
 */
import type { ProblemSlug } from '../problem/slugs.js';
import type { ProblemDetails } from '../problem/types.js';
import type { CoreResponse } from './core-exchange.js';
import { createProblem, createProblemCoreResponse, type ProblemInput } from './problem-response.js';

/** The header that carries the problem's `type` URI when `errorBody` replaced the problem body. */
export const PROBLEM_TYPE_HEADER = 'problem-type';

/** The RFC 9457 problem `errorBody` receives (with extension members such as `errors`, `maxBodyBytes`). */
export type ErrorBodyProblem = ProblemDetails;

/** What `errorBody` receives besides the problem. */
export interface ErrorBodyContext {
  /** The framework slug (`idempotency-key-reused`, ...); undefined for 404 and 405 (`about:blank`). */
  slug: ProblemSlug | undefined;
  /** The routed operation; undefined when no operation matched (404, 405, a broken path escape). */
  operationId: string | undefined;
  correlationId: string;
}

/**
 * The API's own error body for one framework problem. `contentType` is sent as the response's
 * `Content-Type`; a string or `Uint8Array` body is sent as it is, anything else as JSON.
 */
export interface ErrorBodyAnswer {
  contentType: string;
  body: unknown;
}

/** Shapes a framework problem into the API's error body; `undefined` keeps the RFC 9457 problem. */
export type ErrorBodyShaper = (
  problem: ProblemDetails,
  context: ErrorBodyContext,
) => ErrorBodyAnswer | undefined;

export interface ErrorResponseInput {
  problem: ProblemInput;
  errorBody: ErrorBodyShaper | undefined;
  operationId: string | undefined;
  /** Called when `errorBody` throws or answers something unusable; the RFC 9457 problem is sent instead. */
  onShapeError(error: unknown): void;
}

/** A framework error response: the RFC 9457 problem, or the API's own body when `errorBody` gives one. */
export function createErrorCoreResponse(input: ErrorResponseInput): CoreResponse {
  const { problem: problemInput, errorBody } = input;
  if (errorBody === undefined) return createProblemCoreResponse(problemInput);
  const problem = createProblem(problemInput);
  let answer: { contentType: string; body: string | Uint8Array | undefined } | undefined;
  try {
    answer = serialize(
      errorBody(problem, {
        slug: problemInput.slug,
        operationId: input.operationId,
        correlationId: problemInput.correlationId,
      }),
    );
  } catch (error) {
    input.onShapeError(error);
    answer = undefined;
  }
  if (answer === undefined) return createProblemCoreResponse(problemInput);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(problemInput.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['content-type'] = answer.contentType;
  headers['x-request-id'] = problemInput.correlationId;
  if (problem.type !== 'about:blank') headers[PROBLEM_TYPE_HEADER] = problem.type;
  const { status } = problem;
  return answer.body === undefined ? { status, headers } : { status, headers, body: answer.body };
}

/** The answer with its body serialized; throws a `TypeError` on an answer that cannot be sent. */
function serialize(
  answer: ErrorBodyAnswer | undefined,
): { contentType: string; body: string | Uint8Array | undefined } | undefined {
  if (answer === undefined) return undefined;
  if (
    typeof answer !== 'object' ||
    answer === null ||
    typeof answer.contentType !== 'string' ||
    answer.contentType === ''
  ) {
    throw new TypeError(
      'errorBody must answer { contentType, body } with a non-empty contentType, or undefined',
    );
  }
  const { body, contentType } = answer;
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array)
    return { contentType, body };
  // JSON.stringify throws on a BigInt or a cycle (caught by the caller) and gives undefined for a function.
  const text: string | undefined = JSON.stringify(body);
  if (text === undefined) throw new TypeError('errorBody answered a body that is not JSON');
  return { contentType, body: text };
}
