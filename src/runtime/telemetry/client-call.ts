/**
 * The telemetry of one logical client call: a call span (INTERNAL) with one CLIENT span per attempt under
 * it, following OpenTelemetry's HTTP client conventions (`http.request.resend_count` from the second
 * attempt on), the `traceparent` of the attempt's span sent with it, and the client's metrics. Built only
 * when telemetry is on; the call site holds `undefined` otherwise.
 */
import { brandOf } from '../shared/brand.js';
import type { Attributes, OtelContext, OtelSpan } from './api-types.js';
import { activeContext, idsOf, traceparentOf, withSpan } from './context.js';
import type { ClientInstruments } from './instruments.js';
import { elapsedSince, monotonicNow } from './monotonic.js';
import type { Telemetry } from './source.js';

const KIND_INTERNAL = 0;
const KIND_CLIENT = 2;
const STATUS_ERROR = 2;

export interface ClientCallInput {
  method: string;
  url: string;
  pathTemplate: string;
  /** The idempotency key's digest (`keyDigest`), never the key. */
  keyHash?: string | undefined;
}

export interface ClientCallTelemetry {
  /** The call span's trace and span ids (valid ones only). */
  readonly callIds: { traceId: string; spanId: string } | undefined;
  /** An attempt starts (`onAttempt`): its span, under the call's. */
  attempt(attempt: number): void;
  /** The current attempt's trace and span ids, for hook events. */
  attemptIds(): { traceId: string; spanId: string } | undefined;
  /** Writes the current attempt's trace context into the request headers. */
  inject(headers: Headers): void;
  /** The attempt got an answer (any status) or failed to (`errorType`: `network`). */
  answered(status: number | undefined, errorType?: string): void;
  /** The attempt is retried (`onRetry`): reason and wait recorded, its span ended. */
  retry(reason: string, delayMs: number): void;
  /** The call ended: with a result's status, or the error it rejects with. */
  end(status: number | undefined, error?: unknown): void;
  /** Sets the correlation id sent with every attempt (`X-Request-Id`). */
  correlate(correlationId: string): void;
}

const headerSetter = {
  set: (carrier: unknown, key: string, value: string) => (carrier as Headers).set(key, value),
};

/** The call's final outcome, for `retry.outcome`: `success` or the error's kind in snake case. */
const outcomeOf = (error: unknown): string => (brandOf(error) ?? 'error').replace(/-/g, '_');

/** A span's `error.type` for an error the call rejects with. */
const errorTypeOf = (error: unknown): string => {
  const kind = brandOf(error);
  const status = (error as { status?: unknown } | undefined)?.status;
  if ((kind === 'http' || kind === 'unexpected-status') && typeof status === 'number') return String(status);
  return kind ?? (error instanceof Error ? error.name : 'error');
};

export function startClientCall(
  telemetry: Telemetry<ClientInstruments>,
  input: ClientCallInput,
): ClientCallTelemetry {
  const { tracer, instruments, propagator, contextManager } = telemetry;
  const { method } = input;
  const url = new URL(input.url);
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const common: Attributes = {
    'http.request.method': method,
    'server.address': url.hostname,
    'server.port': port,
    'url.template': input.pathTemplate,
  };
  const metricBase: Attributes = { ...common };
  const spanBase: Attributes = { ...common, 'url.full': input.url };
  if (input.keyHash !== undefined) spanBase['idempotency.key.hash'] = input.keyHash;
  const parent = activeContext(contextManager);
  const callSpan = tracer?.startSpan(
    `${method} ${input.pathTemplate}`,
    { kind: KIND_INTERNAL, attributes: spanBase },
    parent,
  );
  const callContext: OtelContext = callSpan === undefined ? parent : withSpan(parent, callSpan);
  const startedAt = monotonicNow();
  let attemptSpan: OtelSpan | undefined;
  let attemptContext: OtelContext = callContext;
  let attemptStartedAt = startedAt;
  let attemptNumber = 0;
  let attemptOpen = false;
  let lastStatus: number | undefined;
  let lastErrorType: string | undefined;

  const endAttempt = (errorType?: string): void => {
    if (!attemptOpen) return;
    attemptOpen = false;
    const type = lastErrorType ?? errorType;
    if (attemptSpan !== undefined) {
      if (lastStatus !== undefined) attemptSpan.setAttribute('http.response.status_code', lastStatus);
      if (type !== undefined) {
        attemptSpan.setAttribute('error.type', type);
        attemptSpan.setStatus({ code: STATUS_ERROR });
      }
      attemptSpan.end();
    }
    if (instruments !== undefined) {
      const attributes: Attributes = { ...metricBase };
      if (lastStatus !== undefined) attributes['http.response.status_code'] = lastStatus;
      if (type !== undefined) attributes['error.type'] = type;
      instruments.requestDuration.record(elapsedSince(attemptStartedAt), attributes);
    }
  };

  return {
    callIds: idsOf(callSpan),
    correlate(correlationId) {
      callSpan?.setAttribute('idempotency.correlation_id', correlationId);
    },
    attempt(attempt) {
      endAttempt();
      attemptNumber = attempt;
      attemptOpen = true;
      lastStatus = undefined;
      lastErrorType = undefined;
      attemptStartedAt = monotonicNow();
      instruments?.attempts.add(1, metricBase);
      if (tracer === undefined) return;
      const attributes: Attributes = { ...spanBase, 'retry.attempt': attempt };
      if (attempt > 1) attributes['http.request.resend_count'] = attempt - 1;
      attemptSpan = tracer.startSpan(method, { kind: KIND_CLIENT, attributes }, callContext);
      attemptContext = withSpan(callContext, attemptSpan);
    },
    attemptIds: () => idsOf(attemptSpan),
    inject(headers) {
      if (propagator !== undefined) propagator.inject(attemptContext, headers, headerSetter);
      else if (attemptSpan !== undefined && idsOf(attemptSpan) !== undefined)
        headers.set('traceparent', traceparentOf(attemptSpan.spanContext()));
    },
    answered(status, errorType) {
      lastStatus = status;
      lastErrorType = errorType ?? (status !== undefined && status >= 400 ? String(status) : undefined);
    },
    retry(reason, delayMs) {
      attemptSpan?.setAttributes({ 'retry.reason': reason, 'retry.delay_ms': delayMs });
      endAttempt(reason === 'timeout' ? 'timeout' : undefined);
      if (instruments !== undefined) {
        instruments.retries.add(1, { ...metricBase, 'retry.reason': reason });
        instruments.backoff.record(delayMs / 1000, { ...metricBase, 'retry.reason': reason });
      }
    },
    end(status, error) {
      const failed = error !== undefined;
      const type = failed ? errorTypeOf(error) : undefined;
      endAttempt(type);
      const outcome = failed ? outcomeOf(error) : 'success';
      if (callSpan !== undefined) {
        callSpan.setAttributes({ 'retry.attempts': attemptNumber, 'retry.outcome': outcome });
        if (status !== undefined) callSpan.setAttribute('http.response.status_code', status);
        if (type !== undefined) {
          callSpan.setAttribute('error.type', type);
          callSpan.setStatus({ code: STATUS_ERROR });
        }
        callSpan.end();
      }
      if (instruments !== undefined) {
        const attributes: Attributes = { ...metricBase, 'retry.outcome': outcome };
        instruments.calls.add(1, attributes);
        instruments.callDuration.record(elapsedSince(startedAt), attributes);
        if (outcome === 'budget_exhausted') instruments.budgetExhausted.add(1, metricBase);
      }
    },
  };
}
