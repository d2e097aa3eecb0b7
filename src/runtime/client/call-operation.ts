import { HttpError, NetworkError } from '../errors/index.js';
import { parseProblem } from '../problem/parse-problem.js';
import { classifyStatus, retriesOn } from '../retry/classify.js';
import { DEFAULT_RETRY_ON } from '../retry/defaults.js';
import { executeWithRetry, type RetryResult } from '../retry/execute.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import type { RetryHooks } from '../retry/types.js';
import { isProblemContentType } from '../shared/media-type.js';
import { randomUuid } from '../shared/uuid.js';
import { type ClientCallTelemetry, startClientCall } from '../telemetry/client-call.js';
import { keyDigest } from '../telemetry/key-digest.js';
import { buildUrl } from './build-url.js';
import { cookieHeader } from './parameter-headers.js';
import { readBody } from './read-body.js';
import { resolveKey } from './resolve-key.js';
import { serializeBody } from './serialize-body.js';
import type { CallOptions, CallResult, Client, ClientHooks, OperationInfo } from './types.js';

/** The header that carries the call's correlation id (the server echoes it as the problem `instance`). */
export const CORRELATION_HEADER = 'X-Request-Id';
const UNSAFE_METHODS = new Set(['POST', 'PATCH']);
/** The `Accept` of an operation whose spec does not set one (its responses declare JSON or nothing). */
const DEFAULT_ACCEPT = 'application/json, application/problem+json';

const mergeHeaders = async (client: Client, own: CallOptions['headers']): Promise<Headers> => {
  const defaults = typeof client.headers === 'function' ? await client.headers() : client.headers;
  const headers = new Headers(defaults);
  for (const [name, value] of Object.entries(own ?? {})) if (value !== undefined) headers.set(name, value);
  return headers;
};

/**
 * The retry loop's hooks: the call's telemetry first on an attempt (so that the hooks see its span's ids)
 * and last on a retry (which ends the retried attempt's span), the client's and the caller's hooks with
 * the operation and the call's correlation.
 */
const combineHooks = (
  all: (ClientHooks | undefined)[],
  operation: OperationInfo,
  correlationId: string,
  call: ClientCallTelemetry | undefined,
): RetryHooks => ({
  onAttempt: (event) => {
    call?.attempt(event.attempt);
    const ids = call?.attemptIds();
    for (const hooks of all) hooks?.onAttempt?.({ ...event, ...operation, correlationId, ...ids });
  },
  onRetry: (event) => {
    const ids = call?.attemptIds();
    for (const hooks of all) hooks?.onRetry?.({ ...event, ...operation, correlationId, ...ids });
    call?.retry(event.reason, event.delayMs);
  },
});

/** The status a call's error carries (HTTP errors), for its span. */
const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
};

/**
 * A 2XX body handed over unread. Piped through an identity transform bound to the caller's signal: the attempt's
 * own signal (given to `fetch`) lets go of the caller's when the attempt ends, so without this an abort after
 * the call resolved would no longer reach the body. Aborting errors the stream and cancels the socket's body;
 * cancelling the stream cancels it too. No body (204, HEAD): an empty stream.
 */
const streamOf = (response: Response, signal: AbortSignal | undefined): ReadableStream<Uint8Array> => {
  const body = response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  if (!signal) return body;
  const identity = new TransformStream<Uint8Array, Uint8Array>();
  // pipeThrough's promise is not exposed; errors reach the reader of the returned stream.
  return body.pipeThrough(identity, { signal });
};

/**
 * One logical call of an operation: builds the request once (URL, body as its media type, headers, one idempotency key
 * and one `X-Request-Id` for all attempts), then sends it under the operation's retry policy. Resolves on a
 * 2XX; otherwise rejects with `HttpError` (body parsed, `problem` for problem+json) or a transport error.
 * POST and PATCH without an idempotency key are never retried, whatever the policy says.
 *
 * @example
 * ```ts
 * // The lower-level call under invokeOperation: throws instead of returning a result.
 * const { status, data, attempts } = await callOperation<Payment, 201>({
 *   client,
 *   method: 'POST',
 *   pathTemplate: '/payments',
 *   body: { amount: 4200, currency: 'EUR' },
 *   idempotency: { in: 'header', name: 'Idempotency-Key' },
 *   retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 4 }, // the operation's merged x-retry
 * });
 * ```
 */
export const callOperation = async <Data = unknown, Status extends number = number>(
  options: CallOptions,
): Promise<CallResult<Data, Status>> => {
  const { client, pathTemplate, pathParams, query, idempotency, retry, body, parameters } = options;
  const method = options.method.toUpperCase();
  const url = buildUrl({ baseUrl: client.baseUrl, pathTemplate, pathParams, query, parameters });
  const headers = await mergeHeaders(client, options.headers);
  const cookie = cookieHeader(options.cookies, parameters);
  // After a `Cookie` the caller (or the client's default headers) set: both are sent, in one field.
  if (cookie !== undefined)
    headers.set('cookie', headers.has('cookie') ? `${headers.get('cookie')}; ${cookie}` : cookie);
  const given =
    idempotency?.in === 'header' ? (options.idempotencyKey ?? headers.get(idempotency.name)) : null;
  const key = resolveKey({ idempotency, given: given ?? undefined, pathParams, query, body });
  if (idempotency?.in === 'header' && key !== undefined) headers.set(idempotency.name, key);
  // The client's or the caller's own `Accept` wins over the operation's.
  if (!headers.has('accept')) headers.set('accept', options.accept ?? DEFAULT_ACCEPT);
  // Serialized once, before anything is sent: a body that does not fit its media type throws here. A
  // `content-type` the caller set picks the media type as `contentType` does.
  const contentType = options.contentType ?? headers.get('content-type') ?? undefined;
  const serialized =
    body === undefined ? undefined : serializeBody({ body, spec: options.bodySpec, contentType });
  const payload = serialized?.payload;
  if (serialized?.contentType === undefined) headers.delete('content-type');
  else headers.set('content-type', serialized.contentType);

  // Telemetry, when on, after everything that can throw before the first attempt: the call's span (a child
  // of the active one). A call without its own `X-Request-Id` is correlated by its trace id, which is what
  // the server takes as its correlation id from `traceparent`.
  const found = client.telemetry?.();
  const call =
    found === undefined
      ? undefined
      : startClientCall(found, {
          method,
          url,
          pathTemplate,
          keyHash: key === undefined ? undefined : await keyDigest(key),
        });
  const correlationId = headers.get(CORRELATION_HEADER) ?? call?.callIds?.traceId ?? randomUuid();
  call?.correlate(correlationId);
  headers.set(CORRELATION_HEADER, correlationId);
  const streamed = options.responseAs === 'stream';
  const retryOn = retry?.retryOn ?? DEFAULT_RETRY_ON;
  const ids = { idempotencyKey: key, correlationId };
  // Judged by the key itself: a deterministic key (body, path, query) that the request lacks is no key.
  const unsafeWithoutKey = UNSAFE_METHODS.has(method) && key === undefined;
  let retried: RetryResult<{ status: number; data: unknown; headers: Headers }>;
  try {
    retried = await retryCall();
  } catch (error) {
    call?.end(statusOf(error), error);
    throw error;
  }
  call?.end(retried.value.status);
  const { value, attempts } = retried;
  return { ...value, data: value.data as Data, status: value.status as Status, ...ids, attempts };

  function retryCall() {
    return executeWithRetry({
      policy: retry,
      clock: client.clock,
      random: client.random,
      budget: client.budget,
      signal: options.signal,
      hooks: combineHooks([client.hooks, options.hooks], { method, pathTemplate }, correlationId, call),
      key,
      correlationId,
      maxAttempts: unsafeWithoutKey ? 1 : options.maxAttempts,
      maxElapsedMs: options.maxElapsedMs,
      run: async ({ attempt, signal }) => {
        let response: Response;
        let data: unknown;
        try {
          // No `body` member at all when there is no payload (`exactOptionalPropertyTypes` forbids `body: undefined`).
          const init: RequestInit =
            payload === undefined ? { method, headers, signal } : { method, headers, body: payload, signal };
          call?.inject(headers);
          response = await client.fetch(url, init);
          call?.answered(response.status);
          // Streamed: resolved on the headers, so the attempt's timer stops here and no retry happens mid-body.
          data =
            streamed && response.ok ? streamOf(response, options.signal) : await readBody(response, method);
        } catch (cause) {
          if (signal.aborted) throw cause;
          call?.answered(undefined, 'network');
          throw new NetworkError({
            ...ids,
            retryable: retriesOn(retryOn, 'network'),
            attempts: attempt,
            cause,
          });
        }
        if (response.ok) return { status: response.status, data, headers: response.headers };
        const problem = isProblemContentType(response.headers.get('content-type'))
          ? parseProblem(data, response.status)
          : undefined;
        // A server that shapes its errors into the API's own body (`errorBody`) keeps the type in `Problem-Type`.
        const problemType = problem?.type ?? response.headers.get('problem-type') ?? undefined;
        const { transient } = classifyStatus({ status: response.status, problemType, retryOn });
        throw new HttpError({
          ...ids,
          status: response.status,
          body: data,
          headers: response.headers,
          problem,
          retryAfterMs: parseRetryAfter({ headers: response.headers, now: client.clock.now() }),
          retryable: transient,
          attempts: attempt,
        });
      },
    });
  }
};
