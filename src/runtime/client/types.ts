import type { RetryBudget, RetryBudgetOptions } from '../retry/budget.js';
import type { AttemptEvent, RetryEvent, RetryPolicy } from '../retry/types.js';
import type { Clock } from '../shared/clock.js';
import type { IdempotencyKeySource } from '../shared/key-source.js';
import type { ParameterSpec } from '../shared/parameters/types.js';
import type { Random } from '../shared/random.js';
import type { TelemetryOptions } from '../telemetry/find-api.js';
import type { ClientInstruments } from '../telemetry/instruments.js';
import type { TelemetrySource } from '../telemetry/source.js';
import type { RequestBodySpec } from './serialize-body.js';

/** The subset of `fetch` the client calls; any Web-standard fetch fits. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The operation an event belongs to, for metrics labels. */
export interface OperationInfo {
  method: string;
  pathTemplate: string;
}

/**
 * What ties a hook event to its logs and trace: the call's correlation id (`X-Request-Id`), and the trace
 * and span ids of the attempt's span when telemetry is on (`onRetry`: the attempt being retried).
 */
export interface CallCorrelation {
  correlationId: string;
  traceId?: string | undefined;
  spanId?: string | undefined;
}

export interface ClientHooks {
  onAttempt?: (event: AttemptEvent & OperationInfo & CallCorrelation) => void;
  onRetry?: (event: RetryEvent & OperationInfo & CallCorrelation) => void;
}

/** Headers sent on every call; a function is called once per logical call (for fresh auth tokens). */
export type DefaultHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface ClientOptions {
  /** Server URL the path templates are appended to, e.g. `https://api.example.com/v1`. */
  baseUrl: string;
  fetch?: FetchLike | undefined;
  headers?: DefaultHeaders | undefined;
  clock?: Clock | undefined;
  random?: Random | undefined;
  /** The spec's root `x-retry.budget`: one bucket shared by every call of this client. */
  budget?: RetryBudget | RetryBudgetOptions | undefined;
  hooks?: ClientHooks | undefined;
  /**
   * OpenTelemetry (docs/observability.md): by default the providers the application registered with
   * `@opentelemetry/api`, found without importing it; an object names providers to use instead; `false`
   * turns it off.
   */
  telemetry?: TelemetryOptions | undefined;
}

export interface Client {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly headers?: DefaultHeaders | undefined;
  readonly clock: Clock;
  readonly random: Random;
  readonly budget?: RetryBudget | undefined;
  readonly hooks: ClientHooks;
  /** Where each call finds its telemetry; `undefined` when turned off. */
  readonly telemetry?: TelemetrySource<ClientInstruments> | undefined;
}

export type PathValue = string | number | boolean;
export type QueryValue = PathValue | null | undefined | readonly (PathValue | null | undefined)[];

export interface CallOptions {
  client: Client;
  /** HTTP method, any case. */
  method: string;
  /** As in the spec, e.g. `/orders/{orderId}`. */
  pathTemplate: string;
  /** Path and query values: primitives, arrays or objects, written by their style (see `parameters`). */
  pathParams?: Record<string, PathValue | object> | undefined;
  query?: Record<string, QueryValue | object> | undefined;
  headers?: Record<string, string | undefined> | undefined;
  /**
   * Cookie parameters, sent as one `Cookie` header after any `Cookie` the headers already carry (browsers
   * forbid setting `Cookie` from `fetch`: this is for Node and other servers).
   */
  cookies?: Record<string, unknown> | undefined;
  /**
   * The operation's parameters not written in their location's default way (`simple` path and header,
   * `form` exploded query and cookie), from the spec: `style`, `explode`, `allowReserved`, `content`.
   */
  parameters?: readonly ParameterSpec[] | undefined;
  /** Serialized as `contentType` (default: the first of `bodySpec.mediaTypes`, else JSON) when defined. */
  body?: unknown;
  /** The operation's declared request body media types and form encoding. */
  bodySpec?: RequestBodySpec | undefined;
  /** One of the declared media types: the one to send the body as. */
  contentType?: string | undefined;
  /**
   * The `Accept` header when neither the client's nor the call's headers set one (default:
   * `application/json, application/problem+json`).
   */
  accept?: string | undefined;
  idempotency?: IdempotencyKeySource | undefined;
  /** The operation's merged `x-retry`; undefined makes one attempt. */
  retry?: RetryPolicy | undefined;
  signal?: AbortSignal | undefined;
  /** Use this key instead of minting one (header keys only). */
  idempotencyKey?: string | undefined;
  /** Per-call limits: they can only lower the policy's. */
  maxAttempts?: number | undefined;
  maxElapsedMs?: number | undefined;
  /** Called after the client's hooks. */
  hooks?: ClientHooks | undefined;
  /**
   * `'stream'`: a 2XX body is not read; `data` is the response's `ReadableStream<Uint8Array>` (an empty one
   * when there is no body). The caller consumes or cancels it; `signal` still cancels it. Error bodies are
   * read and parsed as always.
   */
  responseAs?: 'stream' | undefined;
}

export interface CallResult<Data = unknown, Status extends number = number> {
  status: Status;
  data: Data;
  headers: Headers;
  /** The key sent (header keys) or read from the request (deterministic keys). */
  idempotencyKey?: string | undefined;
  attempts: number;
  /** The `X-Request-Id` sent on every attempt. */
  correlationId: string;
}
