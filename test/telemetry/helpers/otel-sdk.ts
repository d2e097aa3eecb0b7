/**
 * The real OpenTelemetry SDK, registered globally for a test and unregistered after: a tracer provider
 * whose spans land in an in-memory exporter, a meter provider read on demand, the AsyncLocalStorage context
 * manager and the W3C trace-context propagator. What an application's `NodeSDK` start-up does.
 */
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  type DataPoint,
  type Histogram,
  MeterProvider,
  MetricReader,
  type MetricReaderOptions,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A reader that collects only when asked (no timer). */
export class OnDemandReader extends MetricReader {
  constructor(options?: MetricReaderOptions) {
    super(options);
  }
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

export interface RegisteredSdk {
  spans(): ReadableSpan[];
  /** Every data point of the named metric, with its attributes. */
  points(name: string): Promise<DataPoint<number | Histogram>[]>;
  /** The sum of a counter's points whose attributes include `where`. */
  sum(name: string, where?: Record<string, unknown>): Promise<number>;
  /** How many samples a histogram holds, over the points whose attributes include `where`. */
  count(name: string, where?: Record<string, unknown>): Promise<number>;
  meterProvider: MeterProvider;
  tracerProvider: BasicTracerProvider;
  unregister(): Promise<void>;
}

const matches = (attributes: Record<string, unknown>, where: Record<string, unknown> = {}) =>
  Object.entries(where).every(([key, value]) => attributes[key] === value);

export function registerSdk(options: { readers?: MetricReader[] } = {}): RegisteredSdk {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader, ...(options.readers ?? [])] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  const points = async (name: string) => {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .filter((metric) => metric.descriptor.name === name)
      .flatMap((metric) => metric.dataPoints as DataPoint<number | Histogram>[]);
  };
  return {
    spans: () => exporter.getFinishedSpans(),
    points,
    async sum(name, where) {
      const all = await points(name);
      return all.filter((p) => matches(p.attributes, where)).reduce((n, p) => n + (p.value as number), 0);
    },
    async count(name, where) {
      const all = await points(name);
      return all
        .filter((p) => matches(p.attributes, where))
        .reduce((n, p) => n + (p.value as Histogram).count, 0);
    },
    meterProvider,
    tracerProvider,
    async unregister() {
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}
