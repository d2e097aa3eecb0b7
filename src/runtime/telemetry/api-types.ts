/**
 * The small structural subset of `@opentelemetry/api` (1.x) that the runtime calls, written out here: the
 * runtime imports no package, not even as a type. Every member is part of the API's stable surface since
 * 1.0 (`Tracer.startSpan`, `Span`, `Context`, `ContextManager`, `TextMapPropagator`, `Meter.createCounter`
 * and `createHistogram`); the SDK's objects and the API's own fit these shapes.
 */

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue | undefined>;

/** An immutable bag of values keyed by symbols (`Symbol.for(...)`, shared by every copy of the API). */
export interface OtelContext {
  getValue(key: symbol): unknown;
  setValue(key: symbol, value: unknown): OtelContext;
  deleteValue(key: symbol): OtelContext;
}

export interface SpanContext {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

/** `SpanStatusCode.ERROR` is 2; `SpanKind.SERVER` 1, `CLIENT` 2, `INTERNAL` 0. */
export interface OtelSpan {
  spanContext(): SpanContext;
  setAttribute(key: string, value: AttributeValue): unknown;
  setAttributes(attributes: Attributes): unknown;
  addEvent(name: string, attributes?: Attributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  updateName(name: string): unknown;
  end(): void;
  isRecording(): boolean;
}

export interface SpanOptions {
  kind?: number;
  attributes?: Attributes;
}

export interface Tracer {
  startSpan(name: string, options?: SpanOptions, context?: OtelContext): OtelSpan;
}

export interface TracerProvider {
  getTracer(name: string, version?: string): Tracer;
}

export interface Counter {
  add(value: number, attributes?: Attributes): void;
}

export interface Histogram {
  record(value: number, attributes?: Attributes): void;
}

export interface InstrumentOptions {
  description?: string;
  unit?: string;
  advice?: { explicitBucketBoundaries?: number[] };
}

export interface Meter {
  createCounter(name: string, options?: InstrumentOptions): Counter;
  createHistogram(name: string, options?: InstrumentOptions): Histogram;
}

export interface MeterProvider {
  getMeter(name: string, version?: string): Meter;
}

export interface TextMapSetter<C> {
  set(carrier: C, key: string, value: string): void;
}

export interface TextMapGetter<C> {
  keys(carrier: C): string[];
  get(carrier: C, key: string): string | string[] | undefined;
}

export interface TextMapPropagator {
  inject(context: OtelContext, carrier: unknown, setter: TextMapSetter<unknown>): void;
  extract(context: OtelContext, carrier: unknown, getter: TextMapGetter<unknown>): OtelContext;
}

/** The API's own signature of `with` (so that the SDK's managers fit), called here as `with(context, fn)`. */
export interface ContextManager {
  active(): OtelContext;
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: OtelContext,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F>;
}
