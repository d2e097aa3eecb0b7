/** The generated server's runtime: a Web-standard core and thin adapters. Zero dependencies. */

export {
  isRequestBodyTooLargeError,
  isResponseValidationError,
  isUndeclaredStatusError,
  RequestBodyTooLargeError,
  ResponseValidationError,
  UndeclaredStatusError,
} from '../errors/index.js';
export {
  type CursorCodec,
  type CursorCodecOptions,
  type CursorReading,
  type CursorRefusal,
  createCursorCodec,
} from '../pagination/cursor.js';
export type { WithFiles } from '../shared/form-fields.js';
export type { TelemetryOptions } from '../telemetry/find-api.js';
export {
  type ExpressNext,
  type ExpressRequestLike,
  toExpressMiddleware,
} from './adapters/express.js';
export { type FastifyInstanceLike, toFastifyPlugin } from './adapters/fastify.js';
export {
  type NodeHandlerOptions,
  type NodeHandlerTarget,
  type NodeRequestLike,
  type NodeResponseLike,
  nodeToWebRequest,
  toNodeHandler,
  webToNodeResponse,
} from './adapters/node.js';
export { nodeToCoreRequest, readNodeBody, writeCoreResponse } from './adapters/node-core.js';
export { toWebHandler, type WebHandler } from './adapters/web.js';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BODY_DEPTH } from './body-limit.js';
export {
  type CoreRequest,
  type CoreResponse,
  coreToWebResponse,
  webToCoreRequest,
} from './core-exchange.js';
export { correlationIdToInstance, headersToCorrelationId } from './correlation-id.js';
export { cursorInvalidResult } from './cursor-problem.js';
export {
  createErrorCoreResponse,
  type ErrorBodyAnswer,
  type ErrorBodyContext,
  type ErrorBodyProblem,
  type ErrorBodyShaper,
  PROBLEM_TYPE_HEADER,
} from './error-body.js';
export { type FormBody, parseFormBody, withFiles } from './form-body.js';
export {
  handlerResultToResponse,
  isDeclaredStatus,
  responseToWebResponse,
} from './handler-response.js';
export {
  createOperationTracker,
  type OperationState,
  type OperationStatus,
  type OperationTracker,
  type OperationTrackerOptions,
  type StartedOperation,
} from './long-running.js';
export { negotiateMediaType } from './negotiate.js';
export {
  createProblem,
  createProblemCoreResponse,
  createProblemResponse,
  type ProblemInput,
} from './problem-response.js';
export { createRouter, type RouteMatch } from './router.js';
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
