/**
 * OpenTelemetry for the generated client and server, without a dependency: see docs/observability.md.
 * The API is found through its global registry (`find-api.ts`) or passed in (`TelemetryOptions`).
 */
export type {
  Attributes,
  AttributeValue,
  ContextManager,
  Counter,
  Histogram,
  Meter,
  MeterProvider,
  OtelContext,
  OtelSpan,
  SpanContext,
  TextMapPropagator,
  Tracer,
  TracerProvider,
} from './api-types.js';
export { type ClientCallTelemetry, startClientCall } from './client-call.js';
export {
  activeContext,
  contextFromTraceparent,
  idsOf,
  ROOT_CONTEXT,
  SPAN_KEY,
  spanOf,
  traceparentOf,
  withSpan,
} from './context.js';
export { OTEL_GLOBAL_KEY, type OtelGlobal, otelGlobal, type TelemetryOptions } from './find-api.js';
export {
  type ClientInstruments,
  clientInstruments,
  type ServerInstruments,
  serverInstruments,
} from './instruments.js';
export { keyDigest } from './key-digest.js';
export {
  type IdempotencyOutcome,
  type ServerRequestTelemetry,
  startServerRequest,
} from './server-request.js';
export { SCOPE_NAME, type Telemetry, type TelemetrySource, telemetrySource } from './source.js';
