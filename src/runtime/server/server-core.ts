import { isResponseValidationError } from '../errors/index.js';
import { createIdempotencyEngine } from '../idempotency/engine.js';
import { createMemoryStore } from '../idempotency/stores/memory.js';
import { DEFAULT_PROBLEM_BASE } from '../problem/problem-type.js';
import { systemClock } from '../shared/clock.js';
import { type ServerInstruments, serverInstruments } from '../telemetry/instruments.js';
import { type ServerRequestTelemetry, startServerRequest } from '../telemetry/server-request.js';
import { type Telemetry, telemetrySource } from '../telemetry/source.js';
import { checkLimit, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BODY_DEPTH } from './body-limit.js';
import { type CoreRequest, type CoreResponse, coreToWebResponse, webToCoreRequest } from './core-exchange.js';
import { headersToCorrelationId } from './correlation-id.js';
import { createErrorCoreResponse } from './error-body.js';
import { createRouter } from './router.js';
import { type RunRouteInput, runRoute } from './run-route.js';
import type { ServerCore, ServerCoreOptions, ServerLogger } from './types.js';

/** The default logger: one line on stderr with the correlation id (and trace id, if any), then the error. */
export const consoleLogger: ServerLogger = {
  error: (entry) =>
    console.error(
      `[idemgen] ${entry.message} (correlation id ${entry.correlationId}${entry.traceId === undefined ? '' : `, trace ${entry.traceId} span ${entry.spanId}`})`,
      entry.error,
    ),
};

/**
 * The Web-standard server core: `fetch(Request) -> Response`. Routes a request, validates it, runs its
 * handler (through the idempotency engine when the operation has `x-idempotency`) and answers every error
 * with RFC 9457 problem details whose `instance` carries the correlation id, also sent as `X-Request-Id`.
 *
 * @example
 * ```ts
 * import http from 'node:http';
 * import { createServerCore } from './runtime/server/server-core.js';
 * import { toNodeHandler } from './runtime/server/adapters/node.js';
 * import { createSqliteStore } from './runtime/idempotency/stores/sqlite.js';
 *
 * const core = createServerCore({
 *   routes, // generated: one entry per operation
 *   handlers: { createOrder: async (request) => ({ status: 201, body: await orders.create(request.body) }) },
 *   store: createSqliteStore({ db }), // default: a bounded in-memory store
 * });
 * http.createServer(toNodeHandler(core)).listen(3000);
 * ```
 * The generated `createServer({ handlers, store })` calls this with the spec's routes and validators.
 */
export function createServerCore(options: ServerCoreOptions): ServerCore {
  const base = options.problemTypeBase ?? DEFAULT_PROBLEM_BASE;
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? systemClock;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const maxBodyBytes = checkLimit('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const maxBodyDepth = checkLimit('maxBodyDepth', options.maxBodyDepth ?? DEFAULT_MAX_BODY_DEPTH);
  for (const route of options.routes) {
    if (route.maxBodyBytes !== undefined)
      checkLimit(`${route.operationId}: maxBodyBytes`, route.maxBodyBytes);
  }
  const { handlers } = options;
  // Own properties only: an operation named `constructor` or `toString` has no handler unless given one.
  const handlerOf = (operationId: string) =>
    Object.hasOwn(handlers, operationId) ? handlers[operationId] : undefined;
  const match = createRouter(options.routes);
  const engine =
    options.engine ??
    (options.routes.some((route) => route.idempotency !== undefined)
      ? createIdempotencyEngine({
          store: options.store ?? createMemoryStore({ clock }),
          clock,
          ...(options.hooks ? { hooks: options.hooks } : {}),
        })
      : undefined);
  const telemetry = telemetrySource(options.telemetry, serverInstruments);
  const storeName =
    options.engine !== undefined ? 'custom' : (options.store?.name ?? (options.store ? 'custom' : 'memory'));
  const missing = [...new Set(options.routes.map((route) => route.operationId))].filter(
    (id) => handlerOf(id) === undefined,
  );
  const unsigned = options.routes.find(
    (route) => route.signature !== undefined && handlerOf(route.operationId) !== undefined,
  );
  if (unsigned !== undefined && options.webhookSecrets === undefined) {
    throw new TypeError(
      `${unsigned.operationId} requires a Standard Webhooks signature (x-webhook-signature): pass webhookSecrets`,
    );
  }
  const events = { secrets: options.webhookSecrets, hooks: options.eventHooks, clock };

  const toRoutePath = (path: string): string | undefined => {
    if (basePath === '') return path;
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return undefined;
    return path.slice(basePath.length) || '/';
  };

  return {
    missing,
    handles(path) {
      const routePath = toRoutePath(path);
      return routePath !== undefined && match('GET', routePath).kind !== 'not-found';
    },
    fetch: async (request) => coreToWebResponse(await handle(webToCoreRequest(request))),
    handle,
  };

  // Not async itself: without telemetry a request pays one call and a null check, and no promise more.
  function handle(request: CoreRequest): Promise<CoreResponse> {
    const found = telemetry?.();
    return found === undefined ? handleRequest(request, undefined) : handleTraced(request, found);
  }

  async function handleTraced(
    request: CoreRequest,
    found: Telemetry<ServerInstruments>,
  ): Promise<CoreResponse> {
    const traced = startServerRequest(found, {
      method: request.method,
      path: request.pathname ?? request.url.pathname,
      headers: request.headers,
      storeName,
    });
    let response: CoreResponse;
    try {
      response = await traced.run(() => handleRequest(request, traced));
    } catch (error) {
      traced.end(500, error);
      throw error;
    }
    traced.end(response.status);
    return response;
  }

  async function handleRequest(
    request: CoreRequest,
    traced: ServerRequestTelemetry | undefined,
  ): Promise<CoreResponse> {
    const correlationId = headersToCorrelationId(request.headers);
    const { method } = request;
    const pathname = request.pathname ?? request.url.pathname;
    let operationId: string | undefined;
    const problem: RunRouteInput['problem'] = (input) =>
      createErrorCoreResponse({
        problem: { ...input, base, correlationId },
        errorBody: options.errorBody,
        operationId,
        onShapeError: (error) =>
          logger.error({
            message: 'errorBody failed',
            correlationId,
            ...traced?.ids(),
            ...(operationId === undefined ? {} : { operationId }),
            method,
            path: pathname,
            error,
          }),
      });
    const path = toRoutePath(pathname);
    if (path === undefined) return problem({ status: 404, detail: `No operation at ${pathname}.` });
    const found = match(method, path);
    if (found.kind === 'not-found') return problem({ status: 404, detail: `No operation at ${path}.` });
    if (found.kind === 'method-not-allowed') {
      const allow = found.allow.join(', ');
      const detail = `${method} is not allowed here; allowed: ${allow}.`;
      return problem({ status: 405, detail, headers: { allow } });
    }
    if (found.kind === 'bad-path') {
      const errors = [{ pointer: `/path/${found.name}`, message: 'is not valid percent-encoding' }];
      const detail = 'The request does not match the API description; see errors.';
      return problem({ slug: 'request-validation-failed', detail, extensions: { errors } });
    }
    const { route, params, rawParams } = found;
    operationId = route.operationId;
    traced?.route(route.pathTemplate, route.operationId);
    const handler = handlerOf(route.operationId);
    if (handler === undefined) {
      return problem({
        slug: 'not-implemented',
        detail: `No handler is registered for ${route.operationId}.`,
      });
    }
    try {
      return await runRoute({
        request,
        route,
        params,
        rawParams,
        handler,
        correlationId,
        engine,
        principal: options.principal,
        validateResponses: options.validateResponses ?? false,
        maxBodyBytes,
        maxBodyDepth,
        problem,
        telemetry: traced,
        events,
      });
    } catch (error) {
      // A response that breaks the spec says which one and how; anything else stays a plain failure.
      const message = isResponseValidationError(error) ? error.message : `${route.operationId} failed`;
      // A client that went away (an upload cut off mid-body, say) is not a server failure: nobody gets
      // the answer, and it is not logged.
      if (!request.signal.aborted) {
        logger.error({
          message,
          correlationId,
          ...traced?.ids(),
          operationId: route.operationId,
          method,
          path,
          error,
        });
      }
      const detail = `The server could not complete the request; quote ${correlationId} when reporting it.`;
      return problem({ slug: 'internal-error', detail });
    }
  }
}
