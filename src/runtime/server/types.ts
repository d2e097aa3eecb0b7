/**
 * The generated server's shapes. Routes are generated data; handlers are the user's code. Everything here is
 * structural, so generated code can pass the model's contracts as they are.
 */
import type { EventHooks } from '../events/hooks.js';
import type { IdempotencyEngine } from '../idempotency/engine.js';
import type { IdempotencyHooks } from '../idempotency/hooks.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import type { IdempotencyContract } from '../idempotency/types.js';
import type { Clock } from '../shared/clock.js';
import type { ParameterSpec } from '../shared/parameters/types.js';
import type { TelemetryOptions } from '../telemetry/find-api.js';
import type { CoreRequest, CoreResponse } from './core-exchange.js';
import type { ErrorBodyShaper } from './error-body.js';

/** One request validation error: a JSON pointer into `{ path, query, headers, body }` and a message. */
export interface ValidationIssue {
  pointer: string;
  message: string;
}

/** What a generated validator receives; it replaces `path`, `query` and `headers` with coerced copies. */
export interface ValidationInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** Cookie parameters by name (parsed from the `Cookie` header); replaced like the others. */
  cookies?: Record<string, unknown>;
  body?: unknown;
}

export interface ServerRoute {
  operationId: string;
  /** Upper or lower case; compared upper-cased. */
  method: string;
  /** As in the spec: `/orders/{orderId}`. */
  pathTemplate: string;
  idempotency?: IdempotencyContract;
  /** Response headers the operation declares, replayed with the body on duplicates. */
  replayHeaders: readonly string[];
  /**
   * `options.body === false` skips the body (sent when the request body is neither JSON nor a form);
   * `'form'` checks a form's fields against the form media type's schema, coercing strings to the numbers
   * and booleans it asks for (in place, as parameters are).
   */
  validate?: (input: ValidationInput, options?: { body?: boolean | 'form' }) => ValidationIssue[] | null;
  requestBodyRequired: boolean;
  /** Media types of the request body in the spec (`application/json`, `text/*`, ...); empty: no body. */
  bodyMediaTypes: readonly string[];
  /** The form media type's `encoding` (style and explode per property), when the spec has one. */
  formEncoding?: Readonly<Record<string, { style?: 'form' | 'deepObject'; explode?: boolean }>>;
  /** `multipart/form-data`: the top-level properties sent as one JSON part each, parsed before validation. */
  formJsonFields?: readonly string[];
  /**
   * The operation's request-body limit in bytes, from the spec's `x-max-body-size` (operation, path item
   * or root, nearest wins): it wins over the server's `maxBodyBytes`.
   */
  maxBodyBytes?: number;
  /**
   * The media types of the success (2XX) responses, in declaration order, deduplicated: a request whose
   * `Accept` takes none of them is answered 406 before its body is read. Absent: no success content, never
   * 406.
   */
  responseMediaTypes?: readonly string[];
  /**
   * Parameters parsed by their style before validation: those not written in their location's default way
   * (`simple` path and header, `form` exploded query), every array- or object-shaped one, and every cookie
   * parameter. Absent: none, and the request pays for no parsing.
   */
  parameters?: readonly ParameterSpec[];
  /** With query `parameters`: every query parameter name the operation declares. */
  queryNames?: readonly string[];
  /** Declared response statuses (`200`, `4XX`, `default`): checked when `validateResponses` is on. */
  responseStatuses?: readonly string[];
  /**
   * The response body's issues against the schema of its status, or null (generated with
   * `responseValidators`): checked when `validateResponses` is on.
   */
  validateResponse?: (status: number, body: unknown) => ValidationIssue[] | null;
  /** A webhook or callback receiver (`webhooks`, `callbacks`): its deliveries are counted by `eventHooks`. */
  event?: { kind: 'webhook' | 'callback'; name: string };
  /**
   * `x-webhook-signature`: a Standard Webhooks signature is verified (against `webhookSecrets`) before the
   * body is parsed, the handler runs or the dedup store is touched; `401 webhook-signature-invalid` if not.
   */
  signature?: { scheme: 'standard-webhooks'; toleranceMs: number };
}

/**
 * What every handler request has besides its typed `path`, `query` and `body`. Generated request types
 * extend this interface (a plain `extends`, no `Omit<>`: one type instantiation less per operation for tsc).
 */
export interface HandlerRequestBase {
  /** Header names lower-cased. */
  headers: Record<string, unknown>;
  /** The request's idempotency key, when the operation has `x-idempotency` and one was sent. */
  idempotencyKey: string | undefined;
  /** The claim the handler runs under; absent when it runs without deduplication (no key, no contract). */
  idempotency?: HandlerIdempotency;
  /** From the server's `principal` resolver. */
  principal: string | undefined;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  correlationId: string;
  raw: Request;
  /**
   * The success media type negotiated from the request's `Accept` (the first declared without one): answer
   * in it, or return a `content` map and let the server pick. Absent when no success content is declared.
   */
  responseMediaType?: string | undefined;
}

export interface HandlerRequest extends HandlerRequestBase {
  /** Path parameters, decoded (and coerced by the validator, if any). */
  path: Record<string, unknown>;
  /**
   * Query parameters: a repeated name gives an array, other styles are parsed as the spec declares them
   * (then coerced by the validator, if any).
   */
  query: Record<string, unknown>;
  /** Cookie parameters by name, from the `Cookie` header (coerced by the validator, if any). */
  cookies: Record<string, unknown>;
  /**
   * The parsed JSON body; a form's fields as an object (coerced by the validator; files as `File`); a
   * string for `text/*`; bytes otherwise; `undefined` without a body.
   */
  body: unknown;
}

/**
 * The request's idempotency claim, for transactional completion: with a store that supports it
 * (PostgreSQL), `completeWithin(tx, result)` records `result` as the replayed outcome inside the handler's
 * own transaction, so that the business writes and the outcome commit together or not at all. The engine
 * then skips its own completion. Return the same result.
 */
export interface HandlerIdempotency {
  /** The client's idempotency key. */
  key: string;
  /** The claim's fencing token (`<fence>:<uuid>`). */
  token: string;
  fence: number;
  /** Whether this request took over an expired lease (an earlier holder crashed or timed out). */
  takenOver: boolean;
  /** Whether the store supports `completeWithin`. */
  transactional: boolean;
  /**
   * Records `result` on `tx` (a connection after `BEGIN`) and resolves to `result`. Throws
   * `FencedCompletionError` when the lease was taken over: let it leave the transaction (roll back), and
   * the server answers 409. A `TypeError` when the store cannot, the status is not replayed, or on a
   * second call.
   */
  completeWithin<R extends HandlerResult>(tx: unknown, result: R): Promise<R>;
}

export interface HandlerResult {
  status: number;
  /** JSON-serialized, unless a string or bytes with a `content-type` header. */
  body?: unknown;
  /**
   * Representations by media type (`{ 'application/json': data, 'text/csv': csv }`), instead of `body`: the
   * server sends the one the request's `Accept` prefers, with its `content-type`. JSON types are
   * serialized; any other type's value is sent as it is (a string or bytes).
   */
  content?: Readonly<Record<string, unknown>>;
  headers?: Readonly<Record<string, string | number>>;
}

export type Handler = (request: HandlerRequest) => HandlerResult | Promise<HandlerResult>;

/** What the logger receives: one entry per failure that the client does not see the details of. */
export interface ServerLogEntry {
  message: string;
  correlationId: string;
  operationId?: string;
  method: string;
  path: string;
  error?: unknown;
  /** The request's trace and span ids, when telemetry is on and its span is valid (a log line's trace). */
  traceId?: string;
  spanId?: string;
}

export interface ServerLogger {
  error(entry: ServerLogEntry): void;
}

export interface ServerCoreOptions {
  routes: readonly ServerRoute[];
  handlers: Readonly<Partial<Record<string, Handler>>>;
  /** The dedup store; an in-memory store when neither `store` nor `engine` is given. */
  store?: IdempotencyStore;
  /** A ready engine (then `store`, `hooks` and `clock` are not used for it). */
  engine?: IdempotencyEngine;
  principal?: (request: Request) => string | undefined | Promise<string | undefined>;
  problemTypeBase?: string;
  /** Replays, conflicts, mismatches, take-overs, store errors: passed to the engine. */
  hooks?: IdempotencyHooks;
  logger?: ServerLogger;
  /**
   * Answer 500 (and log) when a handler returns a status its operation does not declare, or (on routes with
   * `validateResponse`) a body that does not match that status's schema.
   */
  validateResponses?: boolean;
  clock?: Clock;
  /** A prefix stripped from every request path before routing (a server URL's path, `/v1`). */
  basePath?: string;
  /**
   * The request-body limit in bytes for operations without their own (`x-max-body-size` in the spec):
   * a longer body is answered 413 `request-too-large`, from `Content-Length` before reading, else as soon
   * as reading passes it. Default: the config's `maxBodySize` when the server was generated with one,
   * else 1 MiB (1,048,576).
   */
  maxBodyBytes?: number;
  /**
   * How deeply arrays and objects may nest in a JSON request body; deeper is 400
   * `request-validation-failed` at the first node too deep. Default 64.
   */
  maxBodyDepth?: number;
  /**
   * Shapes every framework error (the problem slugs, 404, 405, 413, 500, 501, 503) into the API's own error
   * body and content type, from the RFC 9457 problem; the status and headers stay. `undefined` (or no
   * option) keeps the problem. The generated `createServer` types the answer against the spec's declared
   * error responses. If it throws, the problem is sent and `logger.error` gets the error.
   */
  errorBody?: ErrorBodyShaper;
  /**
   * OpenTelemetry (docs/observability.md): by default the providers the application registered with
   * `@opentelemetry/api`, found without importing it; an object names providers to use instead; `false`
   * turns it off. Nothing registered, nothing given: nothing is built per request.
   */
  telemetry?: TelemetryOptions;
  /**
   * The Standard Webhooks secrets (`whsec_...`) of the routes with `signature`: one, several (during a
   * rotation every one is accepted), or per operation id. `createServerCore` throws when a signed route has
   * a handler and this is absent.
   */
  webhookSecrets?: WebhookSecrets;
  /** Deliveries, redeliveries, duplicates and signature failures of webhook and callback receivers. */
  eventHooks?: EventHooks;
}

export type WebhookSecrets =
  | string
  | readonly string[]
  | ((operationId: string) => string | readonly string[] | undefined);

export interface ServerCore {
  fetch(request: Request): Promise<Response>;
  /** `fetch` without the Web objects: what the Node adapter calls (see `CoreRequest`). */
  handle(request: CoreRequest): Promise<CoreResponse>;
  /** Operation ids that have no handler: they answer 501. */
  missing: string[];
  /** Whether some operation's path template matches `path` (any method): adapters fall through if not. */
  handles(path: string): boolean;
}
