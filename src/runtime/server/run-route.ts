import { isRequestBodyTooLargeError, UndeclaredStatusError } from '../errors/index.js';
import { type EventHooks, fireEventHook } from '../events/hooks.js';
import type { IdempotencyEngine } from '../idempotency/engine.js';
import { extractIdempotencyKey } from '../idempotency/extract-key.js';
import type { ExecutionClaim } from '../idempotency/transactional-claim.js';
import type { IdempotencyRequest, IdempotentResponse } from '../idempotency/types.js';
import { type Clock, systemClock } from '../shared/clock.js';
import { keyDigest } from '../telemetry/key-digest.js';
import type { IdempotencyOutcome, ServerRequestTelemetry } from '../telemetry/server-request.js';
import {
  checkBeforeBody,
  notAcceptableProblem,
  tooLargeProblem,
  unsupportedMediaTypeProblem,
} from './check-before-body.js';
import { checkResponseBody } from './check-response.js';
import type { CoreRequest, CoreResponse } from './core-exchange.js';
import { parseFormBody, withFiles } from './form-body.js';
import { ServerHandlerRequest } from './handler-request.js';
import { handlerResultToResponse, isDeclaredStatus } from './handler-response.js';
import { negotiateMediaType } from './negotiate.js';
import type { ProblemInput } from './problem-response.js';
import { parseRequestBody } from './request-body.js';
import { NO_COOKIES, parseParameters } from './request-parameters.js';
import { copyToRecord, searchParamsToQuery } from './request-parts.js';
import { requestObserver } from './traced-store.js';
import type {
  Handler,
  HandlerIdempotency,
  HandlerResult,
  ServerRoute,
  ValidationInput,
  ValidationIssue,
  WebhookSecrets,
} from './types.js';
import { checkWebhookSignature } from './webhook-signature.js';

export interface RunRouteInput {
  request: CoreRequest;
  route: ServerRoute;
  params: Record<string, string>;
  /** The path parameters still percent-encoded: given for routes with `parameters`. */
  rawParams?: Record<string, string> | undefined;
  handler: Handler;
  correlationId: string;
  engine: IdempotencyEngine | undefined;
  principal: ((request: Request) => string | undefined | Promise<string | undefined>) | undefined;
  validateResponses: boolean;
  /** The server's body limit; the route's own `maxBodyBytes` wins over it. */
  maxBodyBytes: number;
  maxBodyDepth: number;
  problem(input: Omit<ProblemInput, 'base' | 'correlationId'>): CoreResponse;
  /** The request's telemetry, when on. */
  telemetry?: ServerRequestTelemetry | undefined;
  /** For routes with `signature` (verification) and receivers (`eventHooks`). */
  events?: { secrets: WebhookSecrets | undefined; hooks: EventHooks | undefined; clock: Clock };
}

/** The `idempotency.outcome` of each problem the engine answers with. */
const PROBLEM_OUTCOMES: Partial<Record<string, IdempotencyOutcome>> = {
  'idempotency-request-in-progress': 'in_progress',
  'idempotency-key-reused': 'key_reused',
  'idempotency-key-missing': 'key_missing',
  'idempotency-key-invalid': 'key_invalid',
  'dependency-unavailable': 'store_unavailable',
};

const validationProblem = (run: RunRouteInput, errors: ValidationIssue[]): CoreResponse =>
  run.problem({
    slug: 'request-validation-failed',
    detail: 'The request does not match the API description; see errors.',
    extensions: { errors },
  });

/** The body's bytes within the limit (`undefined`: no body), or `null` when it is longer. */
async function readBody(request: CoreRequest, maxBodyBytes: number): Promise<Uint8Array | undefined | null> {
  try {
    return await request.body(maxBodyBytes);
  } catch (error) {
    if (isRequestBodyTooLargeError(error)) return null;
    throw error;
  }
}

/**
 * One matched request: check its head, read and validate it, then run the handler, through the idempotency
 * engine when the operation has a contract. A handler's throw propagates (the core answers 500).
 */
export async function runRoute(run: RunRouteInput): Promise<CoreResponse> {
  const { request, route, params, correlationId } = run;
  // Content negotiation first: a request that cannot be answered is refused before it is read or claimed.
  const { accept } = request.headers;
  const mediaType =
    route.responseMediaTypes === undefined ? undefined : negotiateMediaType(accept, route.responseMediaTypes);
  if (mediaType === null) return run.problem(notAcceptableProblem(route.responseMediaTypes ?? []));
  const searchParams = request.searchParams ?? request.url.searchParams;
  const maxBodyBytes = route.maxBodyBytes ?? run.maxBodyBytes;
  const head = checkBeforeBody({ request, route, params, searchParams, maxBodyBytes });
  if (head.kind === 'refuse') {
    // A key missing or invalid in a header, query or path parameter is refused here, before the engine.
    const outcome = head.problem.slug === undefined ? undefined : PROBLEM_OUTCOMES[head.problem.slug];
    if (outcome !== undefined) run.telemetry?.outcome(outcome);
    return run.problem(head.problem);
  }
  const bytes = await readBody(request, maxBodyBytes);
  if (bytes === null) return run.problem(tooLargeProblem(maxBodyBytes));
  // A signed receiver's delivery is verified on its raw bytes, before anything else reads it.
  if (route.signature !== undefined) {
    const refused = await checkWebhookSignature({
      request,
      route,
      bytes,
      secrets: run.events?.secrets,
      clock: run.events?.clock ?? systemClock,
      hooks: run.events?.hooks,
      problem: run.problem,
    });
    if (refused !== undefined) return refused;
  }
  const contentType = request.headers['content-type'] ?? '';
  const body = parseRequestBody(bytes, contentType, route.bodyMediaTypes, run.maxBodyDepth);
  if (body.kind === 'unsupported') return run.problem(unsupportedMediaTypeProblem(route));
  if (body.kind === 'invalid') return validationProblem(run, body.issues);
  const form =
    body.kind === 'form'
      ? await parseFormBody({
          ...body,
          encoding: route.formEncoding,
          jsonFields: route.formJsonFields,
          maxDepth: run.maxBodyDepth,
        })
      : undefined;
  if (form?.ok === false) return validationProblem(run, form.issues);
  // Parsed bodies: JSON, or a form's fields (each file as a string naming its bytes, see `parseFormBody`).
  const json = body.kind === 'json' ? body.value : form?.fields;
  // Null-prototype copies: a name such as `constructor` is absent unless the client sent it.
  const input: ValidationInput = {
    path: copyToRecord(params),
    query: searchParamsToQuery(searchParams),
    headers: copyToRecord(request.headers),
    cookies: NO_COOKIES,
    body: json,
  };
  if (route.parameters !== undefined) {
    const parsed = parseParameters(route.parameters, {
      path: input.path,
      rawPath: run.rawParams ?? params,
      query: input.query,
      rawQuery: request.rawQuery ?? request.url.search.slice(1),
      queryNames: route.queryNames ?? [],
      headers: input.headers,
    });
    if (parsed.issues.length > 0) return validationProblem(run, parsed.issues);
    input.cookies = parsed.cookies;
  }
  // Validation (which also coerces `input`'s parameters for the handler): before the handler, and for an
  // idempotent operation only when the handler is about to run: a replay is answered without it.
  const validate = (): CoreResponse | undefined => {
    const issues: ValidationIssue[] = [];
    if (body.kind === 'none' && route.requestBodyRequired)
      issues.push({ pointer: '/body', message: 'is required' });
    const bodyOption =
      body.kind === 'json' ? undefined : form !== undefined ? ({ body: 'form' } as const) : { body: false };
    issues.push(...(route.validate?.(input, bodyOption) ?? []));
    return issues.length > 0 ? validationProblem(run, issues) : undefined;
  };
  // Read when the handler runs, after validation: a form's fields are coerced by the validator in place.
  const handlerBody = (): unknown =>
    body.kind === 'other' ? body.value : form?.ok === true ? withFiles(input.body, form.files) : json;

  const idempotencyRequest: IdempotencyRequest = {
    method: request.method,
    pathTemplate: route.pathTemplate,
    pathParams: params,
    query: searchParams,
    headers: request.headers,
    body: json,
  };
  if (body.kind === 'other') idempotencyRequest.rawBody = body.value;
  const extracted =
    head.extracted ??
    (route.idempotency
      ? extractIdempotencyKey({ source: route.idempotency.key, request: idempotencyRequest })
      : undefined);
  const principal = run.principal === undefined ? undefined : await run.principal(request.toRequest());
  const checkStatus = (result: HandlerResult): void => {
    if (run.validateResponses && !isDeclaredStatus(result.status, route.responseStatuses ?? ['default'])) {
      throw new UndeclaredStatusError(`${route.operationId} returned undeclared status ${result.status}`);
    }
    if (run.validateResponses) checkResponseBody(route, result);
  };
  // Receivers (and signed operations) count deliveries, duplicates and redeliveries through `eventHooks`.
  const eventHooks =
    route.event === undefined && route.signature === undefined ? undefined : run.events?.hooks;
  const eventKey = extracted?.kind === 'present' ? extracted.key : undefined;
  // The engine's signal argument is the request's own signal, or none: the handler reads `request.signal`.
  const execute = async (_signal?: AbortSignal, claim?: ExecutionClaim): Promise<IdempotentResponse> => {
    if (claim?.takenOver === true && eventHooks !== undefined && eventKey !== undefined)
      fireEventHook(eventHooks.onRedelivery, {
        operationId: route.operationId,
        key: eventKey,
        cause: 'take-over',
      });
    const handlerRequest = new ServerHandlerRequest(request, {
      path: input.path,
      query: input.query,
      cookies: input.cookies ?? NO_COOKIES,
      headers: input.headers,
      body: handlerBody(),
      idempotencyKey: extracted?.kind === 'present' ? extracted.key : undefined,
      idempotency:
        claim === undefined ? undefined : claimToHandlerIdempotency(claim, checkStatus, mediaType, accept),
      principal,
      correlationId,
      responseMediaType: mediaType,
    });
    const result = await run.handler(handlerRequest);
    checkStatus(result);
    return handlerResultToResponse(result, mediaType, accept);
  };

  if (route.idempotency === undefined || run.engine === undefined) {
    return validate() ?? withOwnRequestId(await execute(), correlationId);
  }
  const { telemetry } = run;
  if (telemetry !== undefined && extracted?.kind === 'present')
    telemetry.keyHash(await keyDigest(extracted.key));
  if (eventHooks !== undefined && eventKey !== undefined)
    fireEventHook(eventHooks.onDelivery, { operationId: route.operationId, key: eventKey });
  const result = await run.engine.runIdempotent({
    contract: route.idempotency,
    request: idempotencyRequest,
    principal,
    operationId: route.operationId,
    extracted,
    replayHeaders: route.replayHeaders,
    // Only a `wait` needs the signal (to stop waiting); `execute` reads it from the request when asked.
    signal: route.idempotency.concurrent === 'wait' ? request.signal : undefined,
    check: validate,
    execute,
    observer: telemetry === undefined ? undefined : requestObserver(telemetry),
  });
  if (result.kind === 'refused') {
    telemetry?.outcome('request_invalid');
    return result.response;
  }
  telemetry?.outcome(result.kind === 'problem' ? (PROBLEM_OUTCOMES[result.slug] ?? 'executed') : result.kind);
  if (eventHooks !== undefined && eventKey !== undefined)
    fireDeliveryOutcome(eventHooks, route, eventKey, result);
  if (result.kind === 'problem') {
    return run.problem({
      slug: result.slug,
      status: result.status,
      detail: result.detail,
      headers: result.headers,
    });
  }
  return withOwnRequestId(result.response, correlationId);
}

/** A duplicate answered from the store, or a redelivery that met the first one still running. */
function fireDeliveryOutcome(
  hooks: EventHooks,
  route: ServerRoute,
  key: string,
  result: Awaited<ReturnType<IdempotencyEngine['runIdempotent']>>,
): void {
  const event = { operationId: route.operationId, key };
  if (result.kind === 'replayed') fireEventHook(hooks.onDuplicate, event);
  else if (result.kind === 'problem' && result.slug === 'idempotency-request-in-progress')
    fireEventHook(hooks.onRedelivery, { ...event, cause: 'in-progress' });
}

function claimToHandlerIdempotency(
  claim: ExecutionClaim,
  checkStatus: (result: HandlerResult) => void,
  mediaType: string | undefined,
  accept: string | undefined,
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
      await claim.completeWithin(tx, handlerResultToResponse(result, mediaType, accept));
      return result;
    },
  };
}

/**
 * Adds `x-request-id` in place: the response is this request's own (the engine builds a fresh one from the
 * handler's result or the stored outcome for every request), so no copy is needed.
 */
function withOwnRequestId(response: IdempotentResponse, correlationId: string): CoreResponse {
  response.headers['x-request-id'] = correlationId;
  return response;
}
