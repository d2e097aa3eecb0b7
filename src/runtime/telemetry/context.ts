/**
 * Trace context without the API: the span key is `Symbol.for('OpenTelemetry Context Key SPAN')`, the one
 * every copy of `@opentelemetry/api` uses (`createContextKey` is `Symbol.for`), so a context made here is
 * read by the SDK and the other way round. Without a registered context manager the root is a context of
 * our own with the API's semantics (an immutable map).
 */
import type { ContextManager, OtelContext, OtelSpan, SpanContext, TextMapGetter } from './api-types.js';

export const SPAN_KEY = Symbol.for('OpenTelemetry Context Key SPAN');

class MapContext implements OtelContext {
  readonly #values: ReadonlyMap<symbol, unknown>;
  constructor(values: ReadonlyMap<symbol, unknown>) {
    this.#values = values;
  }
  getValue(key: symbol): unknown {
    return this.#values.get(key);
  }
  setValue(key: symbol, value: unknown): OtelContext {
    return new MapContext(new Map(this.#values).set(key, value));
  }
  deleteValue(key: symbol): OtelContext {
    const values = new Map(this.#values);
    values.delete(key);
    return new MapContext(values);
  }
}

export const ROOT_CONTEXT: OtelContext = new MapContext(new Map());

/** The active context of the manager, else the root. */
export const activeContext = (manager: ContextManager | undefined): OtelContext =>
  manager?.active() ?? ROOT_CONTEXT;

export const spanOf = (context: OtelContext): OtelSpan | undefined =>
  context.getValue(SPAN_KEY) as OtelSpan | undefined;

export const withSpan = (context: OtelContext, span: OtelSpan): OtelContext =>
  context.setValue(SPAN_KEY, span);

const INVALID_TRACE = /^0+$/;

/** The trace and span ids of a valid span context, for log lines; `undefined` otherwise. */
export function idsOf(span: OtelSpan | undefined): { traceId: string; spanId: string } | undefined {
  const context: SpanContext | undefined = span?.spanContext();
  if (context === undefined || INVALID_TRACE.test(context.traceId)) return undefined;
  return { traceId: context.traceId, spanId: context.spanId };
}

/** W3C `traceparent` of a span: what is sent when no propagator is registered. */
export const traceparentOf = (context: SpanContext): string =>
  `00-${context.traceId}-${context.spanId}-${(context.traceFlags & 0xff).toString(16).padStart(2, '0')}`;

/** Reads a propagator's fields from headers with lower-case names (the server's `CoreRequest.headers`). */
export const headerRecordGetter: TextMapGetter<unknown> = {
  keys: (carrier) => Object.keys(carrier as object),
  get: (carrier, key) => {
    const value = (carrier as Record<string, string | string[] | undefined>)[key.toLowerCase()];
    return value;
  },
};

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;

/**
 * The context a W3C `traceparent` header continues (what `W3CTraceContextPropagator` extracts), for when no
 * propagator is registered: a non-recording span holding the remote span context. Root on a bad header.
 */
export function contextFromTraceparent(base: OtelContext, header: string | undefined): OtelContext {
  const match = TRACEPARENT.exec(header?.trim().toLowerCase() ?? '');
  if (match === null || INVALID_TRACE.test(match[1]!) || INVALID_TRACE.test(match[2]!)) return base;
  const remote = {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16),
    isRemote: true,
  };
  const span: OtelSpan = {
    spanContext: () => remote,
    setAttribute: () => span,
    setAttributes: () => span,
    addEvent: () => span,
    setStatus: () => span,
    updateName: () => span,
    end: () => {},
    isRecording: () => false,
  };
  return withSpan(base, span);
}
