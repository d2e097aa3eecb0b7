import type { IdempotencyEngine } from '../idempotency/engine.js';
import { extractIdempotencyKey } from '../idempotency/extract-key.js';
import type { ExecutionClaim } from '../idempotency/transactional-claim.js';
import type { IdempotencyRequest, IdempotentResponse } from '../idempotency/types.js';
import { checkResponseBody } from './check-response.js';
import { handlerResultToResponse, isDeclaredStatus, responseToWebResponse } from './handler-response.js';
import type { ProblemInput } from './problem-response.js';
import { readRequestBody } from './request-body.js';
import { headersToRecord, searchParamsToQuery } from './request-parts.js';
import type {
  Handler,
  HandlerIdempotency,
  HandlerResult,
  ServerRoute,
  ValidationInput,
  ValidationIssue,
} from './types.js';

export interface RunRouteInput {
  request: Request;
  url: URL;
  route: ServerRoute;
  params: Record<string, string>;
  handler: Handler;
  correlationId: string;
  engine: IdempotencyEngine | undefined;
  principal: ((request: Request) => string | undefined | Promise<string | undefined>) | undefined;
  validateResponses: boolean;
  problem(input: Omit<ProblemInput, 'base' | 'correlationId'>): Response;
}

/** A handler returned a status its operation does not declare (with `validateResponses`). */
export class UndeclaredStatusError extends Error {
  override readonly name = 'UndeclaredStatusError';
}

const validationProblem = (run: RunRouteInput, errors: ValidationIssue[]): Response =>
  run.problem({
    slug: 'request-validation-failed',
    detail: 'The request does not match the API description; see errors.',
    extensions: { errors },
  });

/**
 * One matched request: read and validate it, then run the handler, through the idempotency engine when the
 * operation has a contract. A handler's throw propagates (the core answers 500).
 */
export async function runRoute(run: RunRouteInput): Promise<Response> {
  const { request, url, route, params, correlationId } = run;
  const body = await readRequestBody(request, route.bodyMediaTypes);
  if (body.kind === 'invalid') return validationProblem(run, [body.issue]);
  const json = body.kind === 'json' ? body.value : undefined;
  const input: ValidationInput = {
    path: { ...params },
    query: searchParamsToQuery(url.searchParams),
    headers: headersToRecord(request.headers),
    body: json,
  };
  const issues: ValidationIssue[] = [];
  if (body.kind === 'none' && route.requestBodyRequired)
    issues.push({ pointer: '/body', message: 'is required' });
  issues.push(...(route.validate?.(input, body.kind === 'json' ? undefined : { body: false }) ?? []));
  if (issues.length > 0) return validationProblem(run, issues);

  const idempotencyRequest: IdempotencyRequest = {
    method: request.method.toUpperCase(),
    pathTemplate: route.pathTemplate,
    pathParams: params,
    query: url.searchParams,
    headers: request.headers,
    body: json,
    ...(body.kind === 'other' ? { rawBody: body.value } : {}),
  };
  const extracted = route.idempotency
    ? extractIdempotencyKey({ source: route.idempotency.key, request: idempotencyRequest })
    : undefined;
  const principal = await run.principal?.(request);
  const checkStatus = (result: HandlerResult): void => {
    if (run.validateResponses && !isDeclaredStatus(result.status, route.responseStatuses ?? ['default'])) {
      throw new UndeclaredStatusError(`${route.operationId} returned undeclared status ${result.status}`);
    }
    if (run.validateResponses) checkResponseBody(route, result);
  };
  const execute = async (signal: AbortSignal, claim?: ExecutionClaim): Promise<IdempotentResponse> => {
    const result = await run.handler({
      path: input.path,
      query: input.query,
      headers: input.headers,
      body: body.kind === 'none' ? undefined : body.value,
      idempotencyKey: extracted?.kind === 'present' ? extracted.key : undefined,
      ...(claim === undefined ? {} : { idempotency: claimToHandlerIdempotency(claim, checkStatus) }),
      principal,
      signal,
      correlationId,
      raw: request,
    });
    checkStatus(result);
    return handlerResultToResponse(result);
  };

  if (route.idempotency === undefined || run.engine === undefined) {
    return responseToWebResponse(await execute(request.signal), correlationId);
  }
  const result = await run.engine.runIdempotent({
    contract: route.idempotency,
    request: idempotencyRequest,
    principal,
    operationId: route.operationId,
    replayHeaders: route.replayHeaders,
    signal: request.signal,
    execute,
  });
  if (result.kind === 'problem') {
    return run.problem({
      slug: result.slug,
      status: result.status,
      detail: result.detail,
      headers: result.headers,
    });
  }
  return responseToWebResponse(result.response, correlationId);
}

function claimToHandlerIdempotency(
  claim: ExecutionClaim,
  checkStatus: (result: HandlerResult) => void,
): HandlerIdempotency {
  const { key, token, fence, takenOver, transactional } = claim;
  return {
    key,
    token,
    fence,
    takenOver,
    transactional,
    async completeWithin(tx, result) {
      checkStatus(result);
      await claim.completeWithin(tx, handlerResultToResponse(result));
      return result;
    },
  };
}
