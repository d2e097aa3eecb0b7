/**
 * The telemetry of one server request: a SERVER span following OpenTelemetry's HTTP server conventions
 * (named `{method} {http.route}` once routed), continuing the caller's trace from its `traceparent`,
 * with the idempotency outcome as an attribute, the engine's events (claim, replay, conflict, mismatch,
 * take-over, fenced completion, store error) as span events, the store calls as child spans, and the
 * server's metrics. Built only when telemetry is on; the core holds `undefined` otherwise.
 */
import type { Attributes, OtelContext, OtelSpan } from './api-types.js';
import { activeContext, contextFromTraceparent, headerRecordGetter, idsOf, withSpan } from './context.js';
import type { ServerInstruments } from './instruments.js';
import { elapsedSince, monotonicNow } from './monotonic.js';
import type { Telemetry } from './source.js';

const KIND_SERVER = 1;
const KIND_CLIENT = 2;
const STATUS_ERROR = 2;

/** The idempotency outcomes counted by `idempotency.server.requests` (the `idempotency.outcome` values). */
export type IdempotencyOutcome =
  | 'executed'
  | 'replayed'
  | 'in_progress'
  | 'key_reused'
  | 'key_missing'
  | 'key_invalid'
  /** The request failed validation after its key was claimed (the claim was released). */
  | 'request_invalid'
  | 'store_unavailable';

export interface ServerRequestInput {
  method: string;
  path: string;
  /** Lower-case names (`CoreRequest.headers`). */
  headers: Readonly<Record<string, string>>;
  /** `idempotency.store.name`: the store's `name`, else `custom`. */
  storeName: string;
}

export interface ServerRequestTelemetry {
  /** Runs `fn` with the request's span active (when a context manager is registered). */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** The request was routed: `http.route` and the span's name. */
  route(pathTemplate: string, operationId: string): void;
  /** The span's trace and span ids (valid ones only), for log entries. */
  ids(): { traceId: string; spanId: string } | undefined;
  /** The idempotency key's digest (`keyDigest`). */
  keyHash(hash: string): void;
  /** The engine's outcome for this request. */
  outcome(outcome: IdempotencyOutcome): void;
  /** An engine event, as a span event (and a metric for take-overs and fenced completions). */
  event(name: string, attributes?: Attributes): void;
  /** Times one store call as a child span and in `idempotency.store.operation.duration`. */
  storeCall<T>(operation: string, call: () => Promise<T>): Promise<T>;
  /** The answer is ready: status, duration, span ended. */
  end(status: number, error?: unknown): void;
}

export function startServerRequest(
  telemetry: Telemetry<ServerInstruments>,
  input: ServerRequestInput,
): ServerRequestTelemetry {
  const { tracer, instruments, propagator, contextManager } = telemetry;
  const { method, headers, storeName } = input;
  // Destructured: index-signature members without property access (strict output settings forbid it).
  const { host, traceparent } = headers;
  const base = activeContext(contextManager);
  const parent =
    propagator !== undefined
      ? propagator.extract(base, headers, headerRecordGetter)
      : contextFromTraceparent(base, traceparent);
  const attributes: Attributes = {
    'http.request.method': method,
    'url.path': input.path,
    'url.scheme': 'http',
  };
  if (host !== undefined) attributes['server.address'] = host.replace(/:\d+$/, '');
  const agent = headers['user-agent'];
  if (agent !== undefined) attributes['user_agent.original'] = agent;
  const span: OtelSpan | undefined = tracer?.startSpan(method, { kind: KIND_SERVER, attributes }, parent);
  const context: OtelContext = span === undefined ? parent : withSpan(parent, span);
  const startedAt = monotonicNow();
  let route: string | undefined;
  let operationId: string | undefined;
  let outcome: IdempotencyOutcome | undefined;
  let ended = false;
  const metricAttributes = (): Attributes => {
    const a: Attributes = { 'http.request.method': method };
    if (route !== undefined) a['http.route'] = route;
    if (operationId !== undefined) a['idempotency.operation'] = operationId;
    return a;
  };

  return {
    run: (fn) => (contextManager === undefined ? fn() : contextManager.with(context, fn)),
    route(pathTemplate, id) {
      route = pathTemplate;
      operationId = id;
      span?.updateName(`${method} ${pathTemplate}`);
      span?.setAttributes({ 'http.route': pathTemplate, 'idempotency.operation': id });
    },
    ids: () => idsOf(span),
    keyHash(hash) {
      span?.setAttribute('idempotency.key.hash', hash);
    },
    outcome(value) {
      outcome = value;
      span?.setAttribute('idempotency.outcome', value);
    },
    event(name, eventAttributes) {
      if (!ended) span?.addEvent(`idempotency.${name}`, eventAttributes);
      if (instruments === undefined) return;
      if (name === 'take_over') instruments.takeOvers.add(1, metricAttributes());
      else if (name === 'fenced_completion') instruments.fencedCompletions.add(1, metricAttributes());
    },
    async storeCall(operation, call) {
      const storeAttributes: Attributes = {
        'idempotency.store.name': storeName,
        'idempotency.store.operation': operation,
      };
      const child = ended
        ? undefined
        : tracer?.startSpan(
            `idempotency.store ${operation}`,
            { kind: KIND_CLIENT, attributes: storeAttributes },
            context,
          );
      const started = monotonicNow();
      try {
        return await call();
      } catch (error) {
        const type = error instanceof Error ? error.name : 'error';
        storeAttributes['error.type'] = type;
        child?.setAttribute('error.type', type);
        child?.setStatus({ code: STATUS_ERROR });
        instruments?.storeErrors.add(1, storeAttributes);
        throw error;
      } finally {
        child?.end();
        instruments?.storeDuration.record(elapsedSince(started), storeAttributes);
      }
    },
    end(status, error) {
      if (ended) return;
      ended = true;
      const errorType =
        error !== undefined
          ? error instanceof Error
            ? error.name
            : 'error'
          : status >= 500
            ? String(status)
            : undefined;
      if (span !== undefined) {
        span.setAttribute('http.response.status_code', status);
        if (errorType !== undefined) {
          span.setAttribute('error.type', errorType);
          span.setStatus({ code: STATUS_ERROR });
        }
        span.end();
      }
      if (instruments !== undefined) {
        const a = metricAttributes();
        a['http.response.status_code'] = status;
        if (errorType !== undefined) a['error.type'] = errorType;
        instruments.requestDuration.record(elapsedSince(startedAt), a);
        if (outcome !== undefined) {
          const counted = metricAttributes();
          counted['idempotency.outcome'] = outcome;
          instruments.requests.add(1, counted);
        }
      }
    },
  };
}
