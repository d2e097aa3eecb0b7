/** The generated server's runtime: a Web-standard core and thin adapters. Zero dependencies. */

export {
  type ExpressNext,
  type ExpressRequestLike,
  toExpressMiddleware,
} from './adapters/express.js';
export { type FastifyInstanceLike, toFastifyPlugin } from './adapters/fastify.js';
export {
  type NodeHandlerOptions,
  type NodeRequestLike,
  type NodeResponseLike,
  nodeToWebRequest,
  toNodeHandler,
  webToNodeResponse,
} from './adapters/node.js';
export { toWebHandler, type WebHandler } from './adapters/web.js';
export { ResponseValidationError } from './check-response.js';
export { correlationIdToInstance, headersToCorrelationId } from './correlation-id.js';
export { handlerResultToResponse, isDeclaredStatus, responseToWebResponse } from './handler-response.js';
export { createProblem, createProblemResponse, type ProblemInput } from './problem-response.js';
export { createRouter, type RouteMatch } from './router.js';
export { UndeclaredStatusError } from './run-route.js';
export { consoleLogger, createServerCore } from './server-core.js';
export type {
  Handler,
  HandlerIdempotency,
  HandlerRequest,
  HandlerRequestBase,
  HandlerResult,
  ServerCore,
  ServerCoreOptions,
  ServerLogEntry,
  ServerLogger,
  ServerRoute,
  ValidationInput,
  ValidationIssue,
} from './types.js';
