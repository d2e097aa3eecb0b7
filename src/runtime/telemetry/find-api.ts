/**
 * How the runtime finds OpenTelemetry without importing it. `@opentelemetry/api` 1.x keeps what the
 * application registered (`trace.setGlobalTracerProvider`, `metrics.setGlobalMeterProvider`,
 * `propagation.setGlobalPropagator`, `context.setGlobalContextManager`, or an SDK's `register()`/`start()`
 * doing so) on one global object, `globalThis[Symbol.for('opentelemetry.js.api.1')]`, shared by every
 * copy of the API in the process. The runtime reads that object per request: absent (no API, or an API
 * with nothing registered) costs one property read and nothing else.
 */
import type { ContextManager, MeterProvider, TextMapPropagator, TracerProvider } from './api-types.js';

/** The API's global registry (major version 1), as `@opentelemetry/api`'s `global-utils` writes it. */
export const OTEL_GLOBAL_KEY = Symbol.for('opentelemetry.js.api.1');

/** What the registry holds: each entry only once something registered it. */
export interface OtelGlobal {
  version?: string;
  trace?: TracerProvider;
  metrics?: MeterProvider;
  propagation?: TextMapPropagator;
  context?: ContextManager;
}

/**
 * Telemetry options of the generated client and server: `false` turns it off (not even the global registry
 * is read); an object names the providers to use, each missing one taken from the global registry
 * (`undefined` or no option: all from the registry).
 */
export type TelemetryOptions =
  | false
  | {
      tracerProvider?: TracerProvider | undefined;
      meterProvider?: MeterProvider | undefined;
      /** Injects and extracts trace context (`traceparent`); default: the registered one, else W3C. */
      propagator?: TextMapPropagator | undefined;
      /** Makes the request's span active for handlers and store calls; default: the registered one. */
      contextManager?: ContextManager | undefined;
    };

/** The registry, or `undefined` when no compatible API registered anything. */
export function otelGlobal(): OtelGlobal | undefined {
  const registry = (globalThis as Record<symbol, OtelGlobal | undefined>)[OTEL_GLOBAL_KEY];
  if (registry === undefined) return undefined;
  // The API refuses registries of another major version; so does the runtime.
  return registry.version === undefined || registry.version.startsWith('1.') ? registry : undefined;
}
