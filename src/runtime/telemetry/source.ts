import type {
  ContextManager,
  Meter,
  MeterProvider,
  TextMapPropagator,
  Tracer,
  TracerProvider,
} from './api-types.js';
import { otelGlobal, type TelemetryOptions } from './find-api.js';

/** The instrumentation scope: the name tracers and meters are asked for. */
export const SCOPE_NAME = 'idemgen';
export const SCOPE_VERSION = '1';

/** What one request or call reports through; `I` is the side's metric instruments. */
export interface Telemetry<I> {
  tracer: Tracer | undefined;
  instruments: I | undefined;
  propagator: TextMapPropagator | undefined;
  contextManager: ContextManager | undefined;
}

/** Per request: the telemetry to use now, or `undefined` (nothing registered, nothing given). */
export type TelemetrySource<I> = () => Telemetry<I> | undefined;

const tracers = new WeakMap<TracerProvider, Tracer>();

const tracerOf = (provider: TracerProvider | undefined): Tracer | undefined => {
  if (provider === undefined) return undefined;
  let tracer = tracers.get(provider);
  if (tracer === undefined) {
    tracer = provider.getTracer(SCOPE_NAME, SCOPE_VERSION);
    tracers.set(provider, tracer);
  }
  return tracer;
};

/**
 * The source for a client or server built with `options`: `undefined` for `false` (then nothing is read
 * per request). Instruments are made once per meter provider (`instrumentsOf` caches them in a WeakMap the
 * caller owns), tracers once per tracer provider, and the resolved set is reused while the registry's
 * entries stay the same objects: a request with telemetry pays four reference comparisons to find it.
 */
export function telemetrySource<I>(
  options: TelemetryOptions | undefined,
  makeInstruments: (meter: Meter) => I,
): TelemetrySource<I> | undefined {
  if (options === false) return undefined;
  const own = options ?? {};
  const instruments = new WeakMap<MeterProvider, I>();
  const instrumentsOf = (provider: MeterProvider | undefined): I | undefined => {
    if (provider === undefined) return undefined;
    let made = instruments.get(provider);
    if (made === undefined) {
      made = makeInstruments(provider.getMeter(SCOPE_NAME, SCOPE_VERSION));
      instruments.set(provider, made);
    }
    return made;
  };
  let seen: readonly unknown[] = [];
  let cached: Telemetry<I> | undefined;
  return () => {
    const registry = otelGlobal();
    const tracerProvider = own.tracerProvider ?? registry?.trace;
    const meterProvider = own.meterProvider ?? registry?.metrics;
    if (tracerProvider === undefined && meterProvider === undefined) return undefined;
    const propagator = own.propagator ?? registry?.propagation;
    const contextManager = own.contextManager ?? registry?.context;
    const key = [tracerProvider, meterProvider, propagator, contextManager] as const;
    if (cached !== undefined && key.every((entry, index) => entry === seen[index])) return cached;
    seen = key;
    cached = {
      tracer: tracerOf(tracerProvider),
      instruments: instrumentsOf(meterProvider),
      propagator,
      contextManager,
    };
    return cached;
  };
}
